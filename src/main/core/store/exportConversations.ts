import type {
  ConversationDetail,
  ExportedFile,
  StoredMessage,
} from '../../../shared/conversations';
import {
  attachmentParts,
  citationParts,
  messageText,
  refusalText,
} from '../../../shared/messageParts';
import type { Store } from './Store';

export const EXPORT_FORMAT = 'switchboard.conversations';
/**
 * 3: a message names the child shown below it (`shownChildId`, the branch as it was left) and a
 * fork its source (`forkedFrom`); 2: a message's content is its `parts`; version 1 had
 * `content`, `reasoning` and `refusal`. Every earlier version still imports.
 */
export const EXPORT_VERSION = 3;

export interface ExportedConversation {
  conversation: ConversationDetail & { titleSource: string };
  /** Every message, every version, in the order they were written. */
  messages: StoredMessage[];
}

export interface SwitchboardExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: number;
  conversations: ExportedConversation[];
}

/**
 * Reads conversations out whole (all versions, all metadata): what import needs to be lossless.
 * From a damaged file, a conversation on a bad page is left out (and `skipped` counts it) so
 * that everything else still gets out.
 */
export function collectConversations(
  store: Store,
  ids: readonly string[],
  options: { skipUnreadable?: (error: unknown) => boolean } = {},
): ExportedConversation[] & { skipped?: number } {
  const result: ExportedConversation[] & { skipped?: number } = [];
  for (const id of ids) {
    try {
      const conversation = store.conversations.get(id);
      if (!conversation) continue;
      result.push({
        conversation: {
          ...conversation,
          titleSource: store.conversations.titleSource(id) ?? 'user',
        },
        messages: store.messages.allOf(id),
      });
    } catch (error) {
      if (!options.skipUnreadable?.(error)) throw error;
      result.skipped = (result.skipped ?? 0) + 1;
    }
  }
  return result;
}

export function toJsonExport(
  conversations: ExportedConversation[],
  exportedAt: number,
): ExportedFile {
  const body: SwitchboardExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt,
    conversations,
  };
  return {
    fileName: fileNameFor(conversations, 'json', exportedAt),
    mimeType: 'application/json',
    content: JSON.stringify(body, null, 2),
  };
}

/** Markdown for reading: each conversation's shown thread, with what answered each message. */
export function toMarkdownExport(
  conversations: ExportedConversation[],
  exportedAt: number,
): ExportedFile {
  const parts = conversations.map(({ conversation, messages }) => {
    const lines = [`# ${conversation.title || 'Untitled conversation'}`, ''];
    lines.push(`_Created ${new Date(conversation.createdAt).toISOString()}_`, '');
    if (conversation.systemPrompt)
      lines.push('> System prompt:', ...quote(conversation.systemPrompt), '');
    for (const message of threadOf(messages, conversation.currentLeafId)) {
      const who =
        message.role === 'user' ? 'User' : message.role === 'assistant' ? 'Assistant' : 'System';
      const model = message.role === 'assistant' && message.model ? ` (${message.model})` : '';
      // For reading: what was said; the thinking stays in the JSON export.
      lines.push(`## ${who}${model}`, '', messageText(message.parts), '');
      // The files themselves travel in the JSON export; here they are named.
      const attached = attachmentParts(message.parts).map((a) => `${a.name} (${a.mimeType})`);
      if (attached.length) lines.push(`_Attached: ${attached.join(', ')}_`, '');
      const sources = citationParts(message.parts).map(
        (s, i) =>
          `${i + 1}. [${(s.title || s.url).replace(/[[\]]/g, '\\$&')}](<${s.url.replace(/[<>\s]/g, encodeURIComponent)}>)`,
      );
      if (sources.length) lines.push('Sources:', '', ...sources, '');
      const refusal = refusalText(message.parts);
      if (refusal) lines.push('> Declined to answer:', ...quote(refusal), '');
      if (message.finishReason && message.finishReason !== 'stop')
        lines.push(`_Ended: ${message.finishReason}_`, '');
    }
    return lines.join('\n');
  });
  return {
    fileName: fileNameFor(conversations, 'md', exportedAt),
    mimeType: 'text/markdown',
    content: parts.join('\n---\n\n'),
  };
}

/** The path from the root to `leafId` (what the person was looking at). */
export function threadOf(messages: StoredMessage[], leafId: string | null): StoredMessage[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  const path: StoredMessage[] = [];
  let cursor = leafId ? byId.get(leafId) : undefined;
  while (cursor && path.length <= messages.length) {
    path.push(cursor);
    cursor = cursor.parentId ? byId.get(cursor.parentId) : undefined;
  }
  return path.reverse();
}

function quote(text: string): string[] {
  return text.split('\n').map((line) => `> ${line}`);
}

function fileNameFor(conversations: ExportedConversation[], extension: string, at: number): string {
  const day = new Date(at).toISOString().slice(0, 10);
  const only = conversations.length === 1 ? conversations[0] : undefined;
  if (!only) return `switchboard-conversations-${day}.${extension}`;
  const slug = only.conversation.title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'conversation'}-${day}.${extension}`;
}
