import type { ReasoningEffort } from '../../../shared/reasoning';
import { takesReasoningEffort } from '../../../shared/reasoning';
import type { AnthropicRequestBody } from './anthropicMessages';
import type { ProviderType } from './types';

/**
 * Extended thinking's token budget per effort level. The SDK's ThinkingConfigEnabled says the
 * budget "must be ≥1024 and less than `max_tokens`"; the levels stay well under every listed
 * model's output limit (32K for Opus 4 / 4.1) once max_tokens is raised to make room (below).
 */
export const anthropicThinkingBudgets: Readonly<Record<ReasoningEffort, number>> = {
  minimal: 1024,
  low: 2048,
  medium: 8192,
  high: 16384,
};

/** Anthropic's documented range for top_p while thinking (extended-thinking docs). */
const THINKING_TOP_P_MIN = 0.95;

/**
 * Turns the request's reasoning effort into `thinking: {type: 'enabled', budget_tokens}` on
 * models that take it (shared/reasoning.ts), in place. Thinking tokens count toward max_tokens,
 * so when the answer's own max_tokens would not exceed the budget, max_tokens becomes budget +
 * that max: the thinking gets its budget and the answer keeps the room the person asked for.
 * The extended-thinking docs say thinking "isn't compatible with temperature or top_k
 * modifications" and takes top_p only from 0.95 to 1: those are left out rather than refused,
 * since the effort is the person's later, more specific choice.
 */
export function applyAnthropicThinking(
  body: AnthropicRequestBody,
  effort: ReasoningEffort | undefined,
  type: ProviderType,
): void {
  if (!effort || !takesReasoningEffort(type, body.model)) return;
  const budget = anthropicThinkingBudgets[effort];
  body.thinking = { type: 'enabled', budget_tokens: budget };
  if (body.max_tokens <= budget) body.max_tokens = budget + body.max_tokens;
  delete body.temperature;
  if (body.top_p !== undefined && body.top_p < THINKING_TOP_P_MIN) delete body.top_p;
}
