import { z } from 'zod';
import { reasoningEfforts } from './reasoning';

/** The sampling and answer settings a chat sends (and a preset carries), each optional. */
export const chatParametersSchema = z
  .object({
    temperature: z.number().min(0).max(2).optional(),
    topP: z.number().min(0).max(1).optional(),
    maxTokens: z.number().int().min(1).max(1_000_000).optional(),
    reasoningEffort: z.enum(reasoningEfforts).optional(),
    /** The provider's own web search tool (shown only where the provider has one). */
    webSearch: z.boolean().optional(),
    /** Knowledge collections searched for each question (knowledge.ts), by id. */
    knowledge: z.array(z.string().min(1).max(128)).max(20).optional(),
    stream: z.boolean().optional(),
  })
  .strict();
