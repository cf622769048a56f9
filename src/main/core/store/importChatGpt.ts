import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { StoredMessage } from '../../../shared/conversations';
import { textParts } from '../../../shared/messageParts';
import type { FinishReason } from '../../../shared/stream';
import type { ExportedConversation } from './exportConversations';
import { ImportError } from './ImportError';
import { spoken } from '../../../shared/said';

// ChatGPT's data export: an array of conversations, each a tree in `mapping` (node id → node with
// parent, children and a message or null), `current_node` naming the leaf that was shown.
const chatGptMessage = z.looseObject({
  author: z.looseObject({ role: z.string() }),
  create_time: z.number().nullish(),
  content: z.looseObject({
    content_type: z.string(),
    parts: z.array(z.unknown()).nullish(),
    text: z.string().nullish(),
  }),
  recipient: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});
const chatGptNode = z.looseObject({
  id: z.string().optional(),
  message: chatGptMessage.nullish(),
  parent: z.string().nullish(),
  children: z.array(z.string()).nullish(),
});
const chatGptConversation = z.looseObject({
  id: z.string().nullish(),
  conversation_id: z.string().nullish(),
  title: z.string().nullish(),
  create_time: z.number().nullish(),
  update_time: z.number().nullish(),
  mapping: z.record(z.string(), chatGptNode),
  current_node: z.string().nullish(),
  default_model_slug: z.string().nullish(),
});
type ChatGptNode = z.infer<typeof chatGptNode>;

/** Converts a ChatGPT `conversations.json` (already JSON-parsed) into conversations to insert. */
export function parseChatGptExport(data: unknown[]): ExportedConversation[] {
  if (data.length === 0) throw new ImportError(spoken('import.chatGptEmpty'));
  return data.map((item, index) => {
    const parsed = chatGptConversation.safeParse(item);
    if (!parsed.success) {
      throw new ImportError(spoken('import.chatGptNotMapping', { index: index + 1 }));
    }
    return convert(parsed.data);
  });
}

/**
 * ChatGPT's own conversation id, prefixed, so importing the same file again finds what it
 * already brought in; a missing or odd one gets a fresh id.
 */
function conversationIdOf(source: z.infer<typeof chatGptConversation>): string {
  const own = source.conversation_id ?? source.id;
  return own && /^[\w-]{1,100}$/.test(own) ? `chatgpt-${own}` : randomUUID();
}

function convert(source: z.infer<typeof chatGptConversation>): ExportedConversation {
  const conversationId = conversationIdOf(source);
  const createdAt = seconds(source.create_time) ?? Date.now();
  const kept = new Map<string, StoredMessage>();
  const newId = new Map<string, string>();

  // Nodes we do not show (system, tool calls, hidden) are skipped; their children hang on the
  // nearest shown ancestor, so the tree and its versions stay intact.
  const keptAncestor = (nodeId: string | null | undefined): string | null => {
    let cursor = nodeId ?? null;
    for (let guard = 0; cursor && guard < 100_000; guard++) {
      const mapped = newId.get(cursor);
      if (mapped) return mapped;
      cursor = source.mapping[cursor]?.parent ?? null;
    }
    return null;
  };

  for (const nodeId of treeOrder(source.mapping)) {
    const node = source.mapping[nodeId];
    const message = node?.message;
    if (!node || !message) continue;
    const role = message.author.role;
    if (role !== 'user' && role !== 'assistant') continue;
    if (message.metadata?.is_visually_hidden_from_conversation === true) continue;
    if (role === 'assistant' && message.recipient && message.recipient !== 'all') continue;
    const content = textOf(message.content);
    if (!content.trim()) continue;
    const at = seconds(message.create_time) ?? createdAt;
    const id = randomUUID();
    const model =
      typeof message.metadata?.model_slug === 'string' ? message.metadata.model_slug : null;
    kept.set(id, {
      id,
      conversationId,
      parentId: keptAncestor(node.parent),
      role,
      parts: textParts(content),
      status: 'done',
      profileId: null,
      model: role === 'assistant' ? (model ?? source.default_model_slug ?? null) : null,
      parameters: null,
      finishReason: role === 'assistant' ? finishOf(message.metadata?.finish_details) : null,
      providerFinishReason: null,
      providerMessageId: null,
      usage: null,
      timing: null,
      error: null,
      createdAt: at,
      updatedAt: at,
    });
    newId.set(nodeId, id);
  }
  const messages = [...kept.values()];
  const leaf = keptAncestor(source.current_node) ?? messages.at(-1)?.id ?? null;
  return {
    conversation: {
      id: conversationId,
      title: (source.title ?? '').trim() || 'Imported conversation',
      titleSource: 'import',
      pinned: false,
      createdAt,
      updatedAt: seconds(source.update_time) ?? createdAt,
      profileId: null,
      model: source.default_model_slug ?? null,
      systemPrompt: null,
      parameters: {},
      currentLeafId: leaf,
    },
    messages,
  };
}

/** Parents before children, siblings oldest first (their order becomes the versions' order). */
function treeOrder(mapping: Record<string, ChatGptNode>): string[] {
  const ids = Object.keys(mapping);
  const roots = ids.filter((id) => {
    const parent = mapping[id]?.parent;
    return !parent || !mapping[parent];
  });
  const order: string[] = [];
  const seen = new Set<string>();
  const byTime = (a: string, b: string) =>
    (mapping[a]?.message?.create_time ?? 0) - (mapping[b]?.message?.create_time ?? 0);
  const queue = roots.sort(byTime);
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    order.push(id);
    const children = (mapping[id]?.children ?? []).filter((child) => mapping[child]?.parent === id);
    queue.push(...children.sort(byTime));
  }
  return order;
}

function textOf(content: {
  content_type: string;
  parts?: unknown[] | null;
  text?: string | null;
}): string {
  if (content.content_type === 'code' && content.text) return '```\n' + content.text + '\n```';
  if (typeof content.text === 'string' && !content.parts) return content.text;
  return (content.parts ?? [])
    .filter((part): part is string => typeof part === 'string')
    .join('\n');
}

function finishOf(details: unknown): FinishReason | null {
  if (!details || typeof details !== 'object') return null;
  const type = (details as { type?: unknown }).type;
  if (type === 'stop') return 'stop';
  if (type === 'max_tokens') return 'length';
  if (type === 'interrupted') return 'cancelled';
  return null;
}

function seconds(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 1000) : null;
}
