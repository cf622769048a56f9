import type { ProviderError, ProviderErrorKind } from '../../../shared/stream';

export interface RetryPolicy {
  /** Retries after the first attempt (DESIGN.md: at most 2). */
  maxRetries: number;
  /** Backoff when the provider names no delay: base * 2^n, with jitter. */
  baseDelayMs: number;
  /** A provider asking for a longer wait than this is not retried: the person decides. */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
};

/** Kinds a repeat can fix. Auth, quota, context length, content filter and bad requests cannot. */
const transientKinds = new Set<ProviderErrorKind>([
  'rate_limit',
  'overloaded',
  'server',
  'timeout',
  'network',
  'interrupted',
]);

/**
 * `retry-after-ms` (OpenAI, Azure) first, then `retry-after` in seconds or as an HTTP date,
 * then the "try again in 2s" hint some providers put only in the message.
 */
export function retryAfterMsFrom(headers: Headers | null, message: string): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return Math.round(ms);
  const after = headers?.get('retry-after');
  if (after) {
    const seconds = Number(after);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
    const date = Date.parse(after);
    if (Number.isFinite(date)) return Math.max(0, date - Date.now());
  }
  // "Please try again in 20ms" (OpenAI), "Please retry in 53.01s." (Gemini).
  const hint = /(?:try again|retry after|retry) in (\d+(?:\.\d+)?)\s*(ms|s|seconds?)\b/i.exec(
    message,
  );
  if (hint?.[1]) return Math.round(Number(hint[1]) * (hint[2] === 'ms' ? 1 : 1000));
  return undefined;
}

export interface RetryDecision {
  retry: boolean;
  delayMs: number;
}

/**
 * Whether attempt number `attempt` (0-based) may be repeated. Only called before the first
 * token: after it, a repeat would duplicate text the person already sees.
 */
export function decideRetry(
  error: ProviderError,
  attempt: number,
  policy: RetryPolicy,
  shouldRetryHeader: string | null = null,
  random: () => number = Math.random,
): RetryDecision {
  const no = { retry: false, delayMs: 0 };
  if (attempt >= policy.maxRetries) return no;
  // The provider's explicit word wins (OpenAI's x-should-retry), except for what cannot succeed.
  if (shouldRetryHeader === 'false') return no;
  const forced = shouldRetryHeader === 'true' && error.kind !== 'auth' && error.kind !== 'quota';
  if (!forced && !transientKinds.has(error.kind)) return no;
  if (/too large/i.test(error.message)) return no;
  if (error.retryAfterMs !== undefined) {
    if (error.retryAfterMs > policy.maxDelayMs) return no;
    return { retry: true, delayMs: error.retryAfterMs };
  }
  const backoff = policy.baseDelayMs * 2 ** attempt;
  return { retry: true, delayMs: Math.round(backoff * (0.75 + random() * 0.5)) };
}

/** Waits, or rejects at once when the person stops. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
