/**
 * The normalized stream: every provider adapter turns its wire format into these events.
 * Shared by the UI, the store and the CLI (DESIGN.md, "Normalized stream").
 */
import type { Said } from './said';

export const finishReasons = [
  'stop',
  'length',
  'content_filter',
  'tool_calls',
  /** The model declined to answer and said why (OpenAI's `refusal`): the text is in `refusal`. */
  'refusal',
  'error',
  'cancelled',
] as const;
export type FinishReason = (typeof finishReasons)[number];

export const providerErrorKinds = [
  'auth',
  'permission',
  'not_found',
  'bad_request',
  'context_length',
  'content_filter',
  'rate_limit',
  'quota',
  'overloaded',
  'server',
  'timeout',
  'network',
  'interrupted',
  'malformed_response',
  'cancelled',
] as const;
export type ProviderErrorKind = (typeof providerErrorKinds)[number];

export interface ProviderError {
  kind: ProviderErrorKind;
  /** HTTP status when there was one. */
  status: number | null;
  /** Short, plain, human message: never an HTML page or a stack. */
  message: string;
  retryAfterMs?: number;
  requestId?: string;
  /** When `message` is Switchboard's own words: their code, shown in the person's language. */
  said?: Said;
}

export interface Usage {
  /** All prompt tokens, cached ones included. */
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  /** Prompt tokens read from the provider's cache (inside inputTokens). */
  cachedInputTokens?: number;
  /**
   * Prompt tokens written to the provider's cache on this call (inside inputTokens, apart from
   * the cached ones): Anthropic's `cache_creation_input_tokens`, billed at its write price.
   */
  cacheWriteTokens?: number;
  reasoningTokens?: number;
  /** Calls the provider's own web search tool made (each billed apart from tokens). */
  webSearchCalls?: number;
  source: 'provider' | 'estimated';
}

export interface StreamTiming {
  /** Milliseconds from request start to the first text or reasoning delta; null if none came. */
  ttftMs: number | null;
  totalMs: number;
}

/** One budget from a provider's rate-limit headers (`x-ratelimit-*`, `anthropic-ratelimit-*`). */
export interface RateLimitBucket {
  limit?: number;
  remaining?: number;
  /** When the budget refills, as epoch milliseconds. */
  resetAt?: number;
}

/** What the provider said about its limits on one response; raw headers kept for the inspector. */
export interface RateLimitInfo {
  requests?: RateLimitBucket;
  tokens?: RateLimitBucket;
  inputTokens?: RateLimitBucket;
  outputTokens?: RateLimitBucket;
  headers: Record<string, string>;
}

export type StreamEvent =
  | { type: 'metadata'; id?: string; model?: string; created?: number }
  /** Sent once per answer when the provider's response carried rate-limit headers. */
  | { type: 'rateLimit'; rateLimit: RateLimitInfo }
  /**
   * A failed attempt (before the first token) is about to be repeated after `delayMs`:
   * `attempt` is the retry's number, 1 for the first.
   */
  | { type: 'retry'; attempt: number; maxRetries: number; delayMs: number; error: ProviderError }
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  /** The model's refusal to answer, in its own words (OpenAI `delta.refusal` / `message.refusal`). */
  | { type: 'refusal'; text: string }
  | { type: 'usage'; usage: Usage }
  /** The model asked for a tool call, its arguments whole (streamed deltas joined by the reader). */
  | { type: 'toolCall'; callId: string; name: string; arguments: string; serverId?: string }
  /** The tool loop's answer to a call: denied, skipped or run (messageParts' ToolCallPart.status). */
  | { type: 'toolStatus'; callId: string; status: 'denied' | 'skipped' }
  | { type: 'toolResult'; callId: string; content: string; isError: boolean; truncated?: boolean }
  /** A source the provider's search tool found and the answer cites (a CitationPart). */
  | { type: 'citation'; title: string; url: string }
  | { type: 'error'; error: ProviderError }
  | {
      type: 'finish';
      finishReason: FinishReason;
      providerFinishReason: string | null;
      timing: StreamTiming;
    };

export function isTerminalEvent(event: StreamEvent): boolean {
  return event.type === 'finish';
}
