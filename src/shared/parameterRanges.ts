/**
 * What each provider documents as the range of its sampling parameters, so a value outside it
 * is refused with a clear message before anything is sent (engine, CLI) and the parameter
 * controls show the range of the provider that will answer.
 */
import type { ProviderType } from './profiles';
import { englishText, said, type Said } from './said';

export interface NumberRange {
  min: number;
  max: number;
}

export interface ParameterRange {
  /** The provider as people know it, for messages. */
  label: string;
  temperature: NumberRange;
  topP: NumberRange;
  /** Most stop sequences one request may carry; null when the provider documents no limit. */
  maxStopSequences: number | null;
}

// OpenAI Chat Completions (the openai SDK's types): temperature "between 0 and 2", top_p a
// probability mass, stop "up to 4 sequences"; Azure OpenAI serves the same API.
const openAIChat = {
  temperature: { min: 0, max: 2 },
  topP: { min: 0, max: 1 },
  maxStopSequences: 4,
};

export const parameterRanges: Record<ProviderType, ParameterRange> = {
  openai: { label: 'OpenAI', ...openAIChat },
  azure: { label: 'Azure OpenAI', ...openAIChat },
  // Anthropic Messages API reference: temperature "ranges from 0.0 to 1.0"; top_p 0 to 1;
  // stop_sequences has no documented count limit.
  anthropic: {
    label: 'Anthropic',
    temperature: { min: 0, max: 1 },
    topP: { min: 0, max: 1 },
    maxStopSequences: null,
  },
  // Compatible servers differ; the OpenAI range is the widest any of them documents, and the
  // server itself refuses what it does not take.
  'openai-compatible': {
    label: 'This server',
    temperature: { min: 0, max: 2 },
    topP: { min: 0, max: 1 },
    maxStopSequences: null,
  },
  // Gemini: @google/genai's GenerationConfig says temperature "The valid range is (0.0, 2.0]";
  // topP is a probability; Google's GenerationConfig reference allows "up to 5" stop sequences.
  gemini: {
    label: 'Google Gemini',
    temperature: { min: 0, max: 2 },
    topP: { min: 0, max: 1 },
    maxStopSequences: 5,
  },
};

/** What the chat settings panel shows before any profile is known: the Chat Completions ranges. */
export const rangesBeforeProfiles: ParameterRange = parameterRanges.openai;

export interface SamplingValues {
  temperature?: number | undefined;
  topP?: number | undefined;
  stop?: readonly string[] | undefined;
}

const outside = (value: number | undefined, range: NumberRange): value is number =>
  value !== undefined && (!(value >= range.min) || !(value <= range.max));

/**
 * Every value the provider would refuse, each as a sentence that says what to change; empty
 * when all is within range.
 */
export function parameterProblems(type: ProviderType, values: SamplingValues): string[] {
  return parameterProblemsSaid(type, values).map(englishText);
}

/** The same sentences as codes (errors catalogue), for the person's language. */
export function parameterProblemsSaid(type: ProviderType, values: SamplingValues): Said[] {
  const range = parameterRanges[type];
  const problems: Said[] = [];
  const { label } = range;
  if (outside(values.temperature, range.temperature)) {
    const { min, max } = range.temperature;
    problems.push(said('engine.range.temperature', { label, min, max, value: values.temperature }));
  }
  if (outside(values.topP, range.topP)) {
    const { min, max } = range.topP;
    problems.push(said('engine.range.topP', { label, min, max, value: values.topP }));
  }
  const stops = values.stop?.length ?? 0;
  if (range.maxStopSequences !== null && stops > range.maxStopSequences)
    problems.push(said('engine.range.stops', { label, max: range.maxStopSequences, value: stops }));
  return problems;
}
