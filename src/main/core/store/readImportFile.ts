import { z } from 'zod';
import type { ImportPreview } from '../../../shared/conversations';
import { contextPolicies } from '../../../shared/context';
import { finishReasons, providerErrorKinds } from '../../../shared/stream';
import { partsFromFields } from '../../../shared/messageParts';
import { messagePartsSchema } from '../../../shared/messagePartSchema';
import { reasoningEfforts } from '../../../shared/reasoning';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportedConversation } from './exportConversations';
import { parseChatGptExport } from './importChatGpt';
import { ImportError } from './ImportError';
import { said, saidSchema, spoken } from '../../../shared/said';

const text = z.string().max(10_000_000);
const optionalId = z.string().min(1).max(200).nullable();
const usage = z.object({
  inputTokens: z.number(),
  outputTokens: z.number(),
  totalTokens: z.number(),
  cachedInputTokens: z.number().optional(),
  cacheWriteTokens: z.number().optional(),
  reasoningTokens: z.number().optional(),
  webSearchCalls: z.number().optional(),
  source: z.enum(['provider', 'estimated']),
});
const parameters = z.object({
  temperature: z.number().optional(),
  topP: z.number().optional(),
  maxTokens: z.number().optional(),
  reasoningEffort: z.enum(reasoningEfforts).optional(),
  webSearch: z.boolean().optional(),
});
const messageFields = {
  id: z.string().min(1).max(200),
  conversationId: z.string().min(1).max(200),
  parentId: optionalId,
  role: z.enum(['user', 'assistant', 'system']),
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
      said: saidSchema.optional(),
    })
    .nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
};
const message = z.object({ ...messageFields, parts: messagePartsSchema });
/** Version 3 adds the branch shown below each message; 2 has none (the newest child, as then). */
const messageV3 = message.extend({ shownChildId: optionalId.optional() });
/** Version 1 kept the content as fields: read into parts, as migration 6 did for the history. */
const messageV1 = z
  .object({
    ...messageFields,
    content: text,
    reasoning: text,
    // Exports made before refusals were kept have none.
    refusal: text.default(''),
  })
  .transform(({ content, reasoning, refusal, ...rest }) => ({
    ...rest,
    parts: partsFromFields({ content, reasoning, refusal }),
  }));
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
const conversationV3 = conversation.extend({
  contextPolicy: z.enum(contextPolicies).nullish(),
  forkedFrom: z
    .object({ conversationId: z.string().min(1).max(200), messageId: z.string().min(1).max(200) })
    .nullish(),
});
const switchboardExport = z.discriminatedUnion('version', [
  z.object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(1),
    exportedAt: z.number(),
    conversations: z.array(z.object({ conversation, messages: z.array(messageV1) })),
  }),
  z.object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(2),
    exportedAt: z.number(),
    conversations: z.array(z.object({ conversation, messages: z.array(message) })),
  }),
  z.object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: z.number(),
    conversations: z.array(
      z.object({ conversation: conversationV3, messages: z.array(messageV3) }),
    ),
  }),
]);

/** An import file read and checked whole: its format and every conversation in it. */
export interface ImportFile {
  format: ImportPreview['format'];
  conversations: ExportedConversation[];
}

/**
 * Reads a Switchboard JSON export (lossless) or a ChatGPT `conversations.json`; a file that
 * cannot be used throws an ImportError saying why, before anything is written.
 */
export function readImportFile(content: string): ImportFile {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    throw new ImportError(spoken('import.notJson'));
  }
  let format: ImportFile['format'];
  let conversations: ExportedConversation[];
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && 'format' in data) {
    const parsed = switchboardExport.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ImportError(
        spoken('import.damaged', {
          at: issue?.path.join('.') || said('import.top'),
          detail: issue?.message ?? 'invalid',
        }),
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
    throw new ImportError(spoken('import.unknownFormat'));
  }

  return { format, conversations };
}

/** Parents must be in the same conversation and come first; the shown leaf must exist. */
function checkTree(entry: ExportedConversation): ExportedConversation {
  const seen = new Set<string>();
  for (const stored of entry.messages) {
    if (stored.conversationId !== entry.conversation.id)
      throw new ImportError(spoken('import.otherConversation', { id: stored.id }));
    if (stored.parentId !== null && !seen.has(stored.parentId))
      throw new ImportError(spoken('import.missingParent', { id: stored.id }));
    if (seen.has(stored.id)) throw new ImportError(spoken('import.twice', { id: stored.id }));
    seen.add(stored.id);
  }
  const leaf = entry.conversation.currentLeafId;
  if (leaf !== null && !seen.has(leaf))
    throw new ImportError(spoken('import.missingMessage', { title: entry.conversation.title }));
  // An answer exported mid-stream cannot be streaming here: it is interrupted.
  return {
    ...entry,
    messages: entry.messages.map((m) =>
      m.status === 'streaming' ? { ...m, status: 'done', finishReason: 'error' } : m,
    ),
  };
}
