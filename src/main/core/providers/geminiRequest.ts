import {
  ThinkingLevel,
  type Content,
  type GenerateContentConfig,
  type GenerateContentParameters,
  type ThinkingConfig,
} from '@google/genai';
import type { ReasoningEffort } from '../../../shared/reasoning';
import type { ChatRequest, ProviderTarget } from './types';

/**
 * The request of one Gemini call, in @google/genai's own parameter types (GenerateContentParameters,
 * GenerateContentConfig, ThinkingConfig in dist/node/node.d.ts); the SDK turns them into the wire's
 * `contents`, `systemInstruction` and `generationConfig`.
 */

const thinkingLevels: Record<ReasoningEffort, ThinkingLevel> = {
  minimal: ThinkingLevel.MINIMAL,
  low: ThinkingLevel.LOW,
  medium: ThinkingLevel.MEDIUM,
  high: ThinkingLevel.HIGH,
};

/**
 * Gemini 2.x models take a token budget and no level (Google's thinking guide). These budgets lie
 * inside the 2.5 models' ranges as Google's thinking guide states them.
 */
const thinkingBudgets: Record<ReasoningEffort, number> = {
  minimal: 512,
  low: 1024,
  medium: 8192,
  high: 24576,
};

/** Models before Gemini 3 know `thinkingBudget` only; later ones `thinkingLevel`; never both. */
function takesBudget(model: string): boolean {
  return /^(models\/)?gemini-(1|2)[.-]/i.test(model);
}

/**
 * includeThoughts is always asked for (the SDK: thoughts come "only if the model supports
 * thought"); a model that refuses any thinkingConfig is asked again without it (geminiClient.ts).
 * The effort goes out only when the conversation sets one; otherwise the model's default holds.
 */
export function thinkingConfigFor(
  model: string,
  effort: ReasoningEffort | undefined,
): ThinkingConfig {
  const config: ThinkingConfig = { includeThoughts: true };
  if (!effort) return config;
  if (takesBudget(model)) config.thinkingBudget = thinkingBudgets[effort];
  else config.thinkingLevel = thinkingLevels[effort];
  return config;
}

/** The conversation: Gemini's roles are `user` and `model`. */
function contentsOf(request: ChatRequest): Content[] {
  return request.messages.map((m) => ({
    role: m.role === 'assistant' ? 'model' : 'user',
    parts: [{ text: m.content }],
  }));
}

export function geminiParameters(
  target: ProviderTarget,
  request: ChatRequest,
  signal: AbortSignal,
): GenerateContentParameters {
  const defaults = target.profile.params ?? {};
  const config: GenerateContentConfig = {
    abortSignal: signal,
    // One request, nothing hidden: no tool loop, no continuation hops (the engine retries).
    automaticFunctionCalling: { disable: true },
    automaticContinuation: false,
    thinkingConfig: thinkingConfigFor(request.model, request.reasoningEffort),
  };
  if (request.system) config.systemInstruction = request.system;
  const temperature = request.temperature ?? defaults.temperature;
  const topP = request.topP ?? defaults.topP;
  const maxTokens = request.maxTokens ?? defaults.maxTokens;
  if (temperature !== undefined) config.temperature = temperature;
  if (topP !== undefined) config.topP = topP;
  if (maxTokens !== undefined) config.maxOutputTokens = maxTokens;
  if (request.stop?.length) config.stopSequences = request.stop;
  return { model: request.model, contents: contentsOf(request), config };
}

/** The same request without any thinkingConfig, for a model that refuses one. */
export function withoutThinking(params: GenerateContentParameters): GenerateContentParameters {
  const { thinkingConfig: _dropped, ...config } = params.config ?? {};
  return { ...params, config };
}
