/** Compare: one prompt to 2–4 profile/model pairs at once, the answers side by side. */
import { z } from 'zod';
import { attachmentLimits } from './attachments';
import { attachmentId } from './messagePartSchema';
import type { FinishReason, ProviderError, StreamEvent, Usage } from './stream';

const id = z.string().min(1).max(128);

export const compareLaneSchema = z
  .object({ profileId: id, model: z.string().trim().min(1).max(200) })
  .strict();

export const startCompareRequest = z
  .object({
    prompt: z.string().min(1).max(1_000_000),
    lanes: z.array(compareLaneSchema).min(2).max(4),
    stream: z.boolean().default(true),
    /** Stored attachments sent with the prompt to every column (issue 16). */
    attachments: z
      .array(z.object({ id: attachmentId, name: z.string().min(1).max(1000) }).strict())
      .max(attachmentLimits.maxPerMessage)
      .optional(),
  })
  .strict();

export interface CompareStarted {
  compareId: string;
  lanes: { profileId: string; profileName: string; model: string }[];
}

/** The figures each column shows (the CLI's `compare` table prints the same). */
export interface CompareFiguresView {
  model: string;
  text: string;
  finishReason: FinishReason;
  error: ProviderError | null;
  usage: Usage | null;
  ttftMs: number | null;
  totalMs: number;
  tokensPerSecond: number | null;
  cost: number | null;
}

/** A batch of one column's events; `figures` comes with its last batch. */
export interface CompareStreamBatch {
  compareId: string;
  lane: number;
  events: StreamEvent[];
  figures?: CompareFiguresView;
}
