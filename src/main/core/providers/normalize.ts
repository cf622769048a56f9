import type { FinishReason, Usage } from '../../../shared/stream';

/** OpenAI-style usage, with the fields compatible servers add (DeepSeek, Groq, xAI). */
export interface OpenAIWireUsage {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  total_tokens?: number | null;
  prompt_tokens_details?: { cached_tokens?: number | null } | null;
  completion_tokens_details?: { reasoning_tokens?: number | null } | null;
  /** DeepSeek: cached prompt tokens (prompt_tokens already counts them). */
  prompt_cache_hit_tokens?: number | null;
}

export interface AnthropicWireUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  /** The output tokens spent thinking, inside `output_tokens` (SDK: OutputTokensDetails). */
  output_tokens_details?: { thinking_tokens?: number | null } | null;
  /** Server tool calls (SDK: ServerToolUsage): web searches are billed per request. */
  server_tool_use?: { web_search_requests?: number | null } | null;
}

const n = (value: number | null | undefined): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : 0;

export function usageFromOpenAI(wire: OpenAIWireUsage): Usage {
  const inputTokens = n(wire.prompt_tokens);
  const outputTokens = n(wire.completion_tokens);
  const usage: Usage = {
    inputTokens,
    outputTokens,
    totalTokens: wire.total_tokens ?? inputTokens + outputTokens,
    source: 'provider',
  };
  const cached = wire.prompt_tokens_details?.cached_tokens ?? wire.prompt_cache_hit_tokens;
  if (typeof cached === 'number') usage.cachedInputTokens = cached;
  const reasoning = wire.completion_tokens_details?.reasoning_tokens;
  if (typeof reasoning === 'number') usage.reasoningTokens = reasoning;
  return usage;
}

/**
 * Anthropic counts cache reads and writes apart from `input_tokens` (SDK `Usage`: "Total input
 * tokens in a request is the summation of `input_tokens`, `cache_creation_input_tokens`, and
 * `cache_read_input_tokens`"); ours includes them (DESIGN.md), so prices and totals compare
 * across providers. Reads become cachedInputTokens and writes cacheWriteTokens, each billed at
 * its own price (pricing.ts).
 */
export function usageFromAnthropic(wire: AnthropicWireUsage): Usage {
  const cacheRead = n(wire.cache_read_input_tokens);
  const inputTokens = n(wire.input_tokens) + cacheRead + n(wire.cache_creation_input_tokens);
  const outputTokens = n(wire.output_tokens);
  const usage: Usage = {
    inputTokens,
    outputTokens,
    totalTokens: inputTokens + outputTokens,
    source: 'provider',
  };
  if (wire.cache_read_input_tokens != null) usage.cachedInputTokens = cacheRead;
  if (wire.cache_creation_input_tokens != null)
    usage.cacheWriteTokens = n(wire.cache_creation_input_tokens);
  const thinking = wire.output_tokens_details?.thinking_tokens;
  if (typeof thinking === 'number') usage.reasoningTokens = thinking;
  const searches = wire.server_tool_use?.web_search_requests;
  if (typeof searches === 'number' && searches > 0) usage.webSearchCalls = searches;
  return usage;
}

const anthropicCountKeys = [
  'input_tokens',
  'output_tokens',
  'cache_creation_input_tokens',
  'cache_read_input_tokens',
] as const;

/** Merges Anthropic's start usage with its later deltas: later non-null fields win. */
export function mergeAnthropicUsage(
  base: AnthropicWireUsage,
  update: AnthropicWireUsage | null | undefined,
): AnthropicWireUsage {
  const merged: AnthropicWireUsage = { ...base };
  if (!update) return merged;
  for (const key of anthropicCountKeys) {
    const value = update[key];
    if (typeof value === 'number') merged[key] = value;
  }
  if (typeof update.server_tool_use?.web_search_requests === 'number')
    merged.server_tool_use = { web_search_requests: update.server_tool_use.web_search_requests };
  if (typeof update.output_tokens_details?.thinking_tokens === 'number')
    merged.output_tokens_details = {
      thinking_tokens: update.output_tokens_details.thinking_tokens,
    };
  return merged;
}

export function finishFromOpenAI(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content_filter';
    case 'tool_calls':
    case 'function_call':
      return 'tool_calls';
    // OpenRouter marks a chunk that carries an error this way.
    case 'error':
      return 'error';
    default:
      // 'stop', 'eos' (some local servers), 'end_turn' (proxies of Anthropic): a normal end.
      return 'stop';
  }
}

export function finishFromAnthropic(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    default:
      // end_turn, stop_sequence, pause_turn
      return 'stop';
  }
}
