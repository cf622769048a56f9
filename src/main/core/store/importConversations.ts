import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ImportSummary, StoredMessage } from '../../../shared/conversations';
import { finishReasons, providerErrorKinds } from '../../../shared/stream';
import { EXPORT_FORMAT, type ExportedConversation } from './exportConversations';
import { parseChatGptExport } from './importChatGpt';
import { ImportError } from './ImportError';
import type { Store } from './Store';

const text = z.string().max(10_000_000);
const optionalId = z.string().min(1).max(200).nullable();
const usage = z.object({
  inputTokens: z.number(),
  outputTokens: z.number(),
  totalTokens: z.number(),
  cachedInputTokens: z.number().optional(),
  reasoningTokens: z.number().optional(),
  source: z.enum(['provider', 'estimated']),
});
const parameters = z.object({
  temperature: z.number().optional(),
  topP: z.number().optional(),
  maxTokens: z.number().optional(),
});
const message = z.object({
  id: z.string().min(1).max(200),
  conversationId: z.string().min(1).max(200),
  parentId: optionalId,
  role: z.enum(['user', 'assistant', 'system']),
  content: text,
  reasoning: text,
  // Exports made before refusals were kept have none.
  refusal: text.default(''),
  status: z.enum(['streaming', 'done']),
  profileId: optionalId,
  model: z.string().max(200).nullable(),
  parameters: parameters.nullable(),
  finishReason: z.enum(finishReasons).nullable(),
  providerFinishReason: z.string().max(200).nullable(),
  providerMessageId: z.string().max(500).nullable(),
  usage: usage.nullable(),
  timing: z.object({ ttftMs: z.number().nullable(), totalMs: z.number() }).nullable(),
  error: z
    .object({
      kind: z.enum(providerErrorKinds),
      status: z.number().nullable(),
      message: z.string().max(10_000),
      retryAfterMs: z.number().optional(),
      requestId: z.string().max(500).optional(),
    })
    .nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
const conversation = z.object({
  id: z.string().min(1).max(200),
  title: z.string().max(1000),
  titleSource: z.string().max(40),
  pinned: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
  profileId: optionalId,
  model: z.string().max(200).nullable(),
  systemPrompt: z.string().max(1_000_000).nullable(),
  parameters,
  currentLeafId: optionalId,
});
const switchboardExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: z.number(),
  conversations: z.array(z.object({ conversation, messages: z.array(message) })),
});

/**
 * Imports a Switchboard JSON export (lossless) or a ChatGPT `conversations.json`. The whole file
 * is checked first and written in one transaction: a bad file changes nothing.
 */
export function importConversations(store: Store, content: string): ImportSummary {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    throw new ImportError(
      'This file is not JSON. Choose a Switchboard JSON export or a ChatGPT conversations.json.',
    );
  }
  let format: ImportSummary['format'];
  let conversations: ExportedConversation[];
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && 'format' in data) {
    const parsed = switchboardExport.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ImportError(
        `This Switchboard export is damaged (at ${issue?.path.join('.') || 'the top'}: ${issue?.message ?? 'invalid'}).`,
      );
    }
    format = 'switchboard';
    conversations = parsed.data.conversations.map((entry) =>
      checkTree(entry as ExportedConversation),
    );
  } else if (Array.isArray(data)) {
    format = 'chatgpt';
    conversations = parseChatGptExport(data);
  } else {
    throw new ImportError(
      'This file is neither a Switchboard export nor a ChatGPT conversations.json.',
    );
  }

  let messages = 0;
  store.db.transaction(() => {
    for (const entry of conversations) {
      const fresh = needsNewIds(store, entry) ? withNewIds(entry) : entry;
      store.conversations.insertRaw(fresh.conversation, fresh.conversation.titleSource);
      for (const stored of fresh.messages) store.messages.insertRaw(stored);
      messages += fresh.messages.length;
    }
  })();
  return { format, conversations: conversations.length, messages };
}

/** Parents must be in the same conversation and come first; the shown leaf must exist. */
function checkTree(entry: ExportedConversation): ExportedConversation {
  const seen = new Set<string>();
  for (const stored of entry.messages) {
    if (stored.conversationId !== entry.conversation.id)
      throw new ImportError(`Message ${stored.id} belongs to another conversation.`);
    if (stored.parentId !== null && !seen.has(stored.parentId))
      throw new ImportError(`Message ${stored.id} has a missing parent.`);
    if (seen.has(stored.id)) throw new ImportError(`Message ${stored.id} appears twice.`);
    seen.add(stored.id);
  }
  const leaf = entry.conversation.currentLeafId;
  if (leaf !== null && !seen.has(leaf))
    throw new ImportError(
      `Conversation "${entry.conversation.title}" points at a missing message.`,
    );
  // An answer exported mid-stream cannot be streaming here: it is interrupted.
  return {
    ...entry,
    messages: entry.messages.map((m) =>
      m.status === 'streaming' ? { ...m, status: 'done', finishReason: 'error' } : m,
    ),
  };
}

function needsNewIds(store: Store, entry: ExportedConversation): boolean {
  return (
    store.conversations.exists(entry.conversation.id) ||
    entry.messages.some((m) => store.messages.exists(m.id))
  );
}

/** Importing what is already here makes a copy beside it rather than touching the original. */
function withNewIds(entry: ExportedConversation): ExportedConversation {
  const conversationId = randomUUID();
  const ids = new Map(entry.messages.map((m) => [m.id, randomUUID()]));
  const remap = (id: string | null) => (id === null ? null : (ids.get(id) ?? null));
  const messages: StoredMessage[] = entry.messages.map((m) => ({
    ...m,
    id: ids.get(m.id) ?? randomUUID(),
    conversationId,
    parentId: remap(m.parentId),
  }));
  return {
    conversation: {
      ...entry.conversation,
      id: conversationId,
      currentLeafId: remap(entry.conversation.currentLeafId),
    },
    messages,
  };
}
