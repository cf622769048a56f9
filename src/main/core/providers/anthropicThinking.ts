import type { ReasoningEffort } from '../../../shared/reasoning';
import { anthropicThinkingMode, takesReasoningEffort } from '../../../shared/reasoning';
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

/**
 * `output_config.effort` per level: the SDK's OutputConfig takes low, medium, high, xhigh and
 * max, so minimal asks for low; high is the API's own default, sent anyway so it is explicit.
 */
const outputEfforts = { minimal: 'low', low: 'low', medium: 'medium', high: 'high' } as const;

/** Anthropic's documented range for top_p while thinking (extended-thinking docs). */
const THINKING_TOP_P_MIN = 0.95;

/**
 * Turns the request's reasoning effort into the model's own control (shared/reasoning.ts
 * anthropicThinkingMode), in place:
 * - budget: `thinking: {type: 'enabled', budget_tokens}`. Thinking tokens count toward
 *   max_tokens, so when max_tokens would not exceed the budget it becomes budget + max_tokens:
 *   the thinking gets its budget and the answer keeps the room the person asked for.
 * - adaptive: `thinking: {type: 'adaptive'}` and `output_config.effort` (the effort docs'
 *   recommended control where adaptive thinking exists).
 * - effort: `output_config.effort` alone (thinking is always on there).
 * In every mode the model thinks, so temperature (and a top_p under 0.95) is left out rather than refused: the
 * API takes no temperature other than 1 with thinking, and the effort is the more specific choice.
 */
export function applyAnthropicThinking(
  body: AnthropicRequestBody,
  effort: ReasoningEffort | undefined,
  type: ProviderType,
): void {
  if (!effort || !takesReasoningEffort(type, body.model)) return;
  const mode = anthropicThinkingMode(body.model);
  if (mode === 'budget') {
    const budget = anthropicThinkingBudgets[effort];
    body.thinking = { type: 'enabled', budget_tokens: budget };
    if (body.max_tokens <= budget) body.max_tokens = budget + body.max_tokens;
  } else {
    if (mode === 'adaptive') body.thinking = { type: 'adaptive' };
    body.output_config = { ...body.output_config, effort: outputEfforts[effort] };
  }
  delete body.temperature;
  if (body.top_p !== undefined && body.top_p < THINKING_TOP_P_MIN) delete body.top_p;
}
