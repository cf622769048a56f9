import type { ReasoningEffort } from 'openai/resources/shared';
import { takesReasoningEffort } from '../../../shared/reasoning';
import type { ChatRequest, ProviderTarget } from './types';

/**
 * The SDK's `ReasoningEffort` for a model that takes it (shared/reasoning.ts), else nothing:
 * Chat Completions' `reasoning_effort` and the Responses API's `reasoning.effort` take the same
 * values, and a model that does not reason refuses either with a 400. 'minimal' exists for
 * gpt-5 only (SDK ReasoningEffort docs: "Not all reasoning models support every value"); the
 * o-series take low, medium and high, so minimal asks them for low.
 */
export function openAIReasoningEffort(
  type: ProviderTarget['profile']['type'],
  request: ChatRequest,
): ReasoningEffort | undefined {
  const effort = request.reasoningEffort;
  if (!effort || !takesReasoningEffort(type, request.model)) return undefined;
  if (effort === 'minimal' && !/^(openai\/)?gpt-5/i.test(request.model)) return 'low';
  return effort;
}
