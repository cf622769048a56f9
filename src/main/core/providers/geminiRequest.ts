import {
  ThinkingLevel,
  type GenerateContentConfig,
  type GenerateContentParameters,
  type ThinkingConfig,
} from '@google/genai';
import { geminiContents, geminiTools } from './geminiTools';
import { geminiWebSearchTool } from './webSearchWire';
import { takesReasoningEffort, type ReasoningEffort } from '../../../shared/reasoning';
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
 * Gemini 2.x models take a token budget and no level (Google's thinking guide). The SDK's
 * ThinkingConfig.thinkingBudget: "0 is DISABLED … The default values and allowed ranges are model
 * dependent". Minimal is the least the model allows (as Gemini 3's MINIMAL is "no thinking" for
 * most queries): 0, thinking off, where the model takes it (2.5 Flash and Flash-Lite), else the
 * floor of 2.5 Pro's range (128–32768), which cannot turn thinking off.
 */
const thinkingBudgets: Record<Exclude<ReasoningEffort, 'minimal'>, number> = {
  low: 1024,
  medium: 8192,
  high: 24576,
};
const PRO_MIN_BUDGET = 128;

const isPro = (model: string) => /^(models\/)?gemini-[\d.]+-pro/i.test(model);

function budgetFor(model: string, effort: ReasoningEffort): number {
  if (effort !== 'minimal') return thinkingBudgets[effort];
  return isPro(model) ? PRO_MIN_BUDGET : 0;
}

/** Gemini 3 Pro takes LOW and HIGH only (no MINIMAL): minimal asks it for LOW. */
function levelFor(model: string, effort: ReasoningEffort): ThinkingLevel {
  if (effort === 'minimal' && isPro(model)) return ThinkingLevel.LOW;
  return thinkingLevels[effort];
}

/** Models before Gemini 3 know `thinkingBudget` only; later ones `thinkingLevel`; never both. */
function takesBudget(model: string): boolean {
  return /^(models\/)?gemini-(1|2)[.-]/i.test(model);
}

/**
 * A thinking model (shared/reasoning.ts takesReasoningEffort) always gets includeThoughts, so its
 * thoughts stream as reasoning (the SDK: thoughts come "only if the model supports thought"); the
 * effort goes out only when the conversation sets one, otherwise the model's default holds. Any
 * other model gets no thinkingConfig at all: a model that does not think refuses one with a 400.
 */
export function thinkingConfigFor(
  type: ProviderTarget['profile']['type'],
  model: string,
  effort: ReasoningEffort | undefined,
): ThinkingConfig | undefined {
  if (!takesReasoningEffort(type, model)) return undefined;
  const config: ThinkingConfig = { includeThoughts: true };
  if (!effort) return config;
  if (takesBudget(model)) config.thinkingBudget = budgetFor(model, effort);
  else config.thinkingLevel = levelFor(model, effort);
  return config;
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
  };
  const thinkingConfig = thinkingConfigFor(
    target.profile.type,
    request.model,
    request.reasoningEffort,
  );
  if (thinkingConfig) config.thinkingConfig = thinkingConfig;
  if (request.system) config.systemInstruction = request.system;
  const temperature = request.temperature ?? defaults.temperature;
  const topP = request.topP ?? defaults.topP;
  const maxTokens = request.maxTokens ?? defaults.maxTokens;
  if (temperature !== undefined) config.temperature = temperature;
  if (topP !== undefined) config.topP = topP;
  if (maxTokens !== undefined) config.maxOutputTokens = maxTokens;
  if (request.stop?.length) config.stopSequences = request.stop;
  if (request.tools?.length) config.tools = geminiTools(request.tools);
  if (request.webSearch) config.tools = [...(config.tools ?? []), geminiWebSearchTool];
  return { model: request.model, contents: geminiContents(request.messages), config };
}

/** The same request without any thinkingConfig, for a model that refuses one. */
export function withoutThinking(params: GenerateContentParameters): GenerateContentParameters {
  const { thinkingConfig: _dropped, ...config } = params.config ?? {};
  return { ...params, config };
}
