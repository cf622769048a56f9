/**
 * The context window's channels (the composer's meter, the policy once a conversation outgrows
 * the window, summaries): spread into `invokeChannels` in ipc.ts, part of THE contract.
 */
import { z } from 'zod';
import { invoke } from './invokeChannel';
import { attachmentLimits } from './attachments';
import { contextPolicies, type ContextReport } from './context';
import type { ConversationDetail, ConversationThread } from './conversations';
import { messagePartSchema } from './messagePartSchema';
import { isAttachmentPart } from './messageParts';
import { profileId } from './profiles';

const id = z.string().min(1).max(128);
const conversationRef = z.object({ conversationId: id }).strict();

export const contextChannels = {
  /** How much of the model's context the next request uses (the composer's meter). */
  measureContext: invoke<ContextReport>()(
    z
      .object({
        conversationId: id.nullable(),
        draft: z.string().max(1_000_000),
        /** The draft's attachments as the composer will send them (counted from main's copy). */
        attachments: z
          .array(messagePartSchema)
          .max(attachmentLimits.maxPerMessage)
          .transform((parts) => parts.filter(isAttachmentPart))
          .optional(),
        profileId: profileId.nullish(),
        model: z.string().min(1).max(200).nullish(),
        systemPrompt: z.string().max(100_000).nullish(),
        maxTokens: z.number().int().positive().optional(),
        /** The composer's knowledge collections (a new chat's; else the conversation's). */
        knowledge: z.array(id).max(50).optional(),
      })
      .strict(),
  ),
  /** What a conversation sends once it outgrows the window (null: ask again). */
  setContextPolicy: invoke<ConversationDetail>()(
    z.object({ conversationId: id, policy: z.enum(contextPolicies).nullable() }).strict(),
  ),
  /** Summarizes the thread shown once, as a summary message (a model call, counted in usage). */
  summarizeContext: invoke<ConversationThread>()(conversationRef),
  /** The person's own words for a summary. */
  editSummary: invoke<ConversationThread>()(
    z
      .object({ conversationId: id, messageId: id, text: z.string().trim().min(1).max(1_000_000) })
      .strict(),
  ),
} as const;
