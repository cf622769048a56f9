import type { RateLimitBucket, RateLimitInfo } from '../../../shared/stream';

/**
 * OpenAI (and Azure, Groq, most compatible servers): `x-ratelimit-{limit,remaining,reset}-{requests,tokens}`
 * with resets as durations ("6m0s", "1.5s", "20ms").
 * Anthropic: `anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{limit,remaining,reset}`
 * with resets as RFC 3339 times.
 */
const bucketNames = {
  requests: 'requests',
  tokens: 'tokens',
  inputTokens: 'input-tokens',
  outputTokens: 'output-tokens',
} as const;

/** "1h2m3.5s", "20ms", "6m0s", or a bare number of seconds, to milliseconds. */
export function parseDurationMs(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let total = 0;
  let matched = '';
  for (const match of trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    total += Number(match[1]) * (units[match[2] ?? 's'] ?? 0);
    matched += match[0];
  }
  return matched.length > 0 && matched.length === trimmed.length ? Math.round(total) : undefined;
}

function number(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function resetAt(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const duration = parseDurationMs(value);
  if (duration !== undefined) return now + duration;
  const date = Date.parse(value);
  return Number.isFinite(date) ? date : undefined;
}

function bucket(headers: Headers, names: [string, string, string], now: number) {
  const result: RateLimitBucket = {};
  const limit = number(headers.get(names[0]));
  const remaining = number(headers.get(names[1]));
  const reset = resetAt(headers.get(names[2]), now);
  if (limit !== undefined) result.limit = limit;
  if (remaining !== undefined) result.remaining = remaining;
  if (reset !== undefined) result.resetAt = reset;
  return Object.keys(result).length > 0 ? result : undefined;
}

/** The three header names (limit, remaining, reset) of one bucket in one provider's naming. */
export type RateLimitHeaderNames = (bucket: string) => [string, string, string];

export const openAIRateLimitHeaders: RateLimitHeaderNames = (wire) => [
  `x-ratelimit-limit-${wire}`,
  `x-ratelimit-remaining-${wire}`,
  `x-ratelimit-reset-${wire}`,
];

export const anthropicRateLimitHeaders: RateLimitHeaderNames = (wire) => [
  `anthropic-ratelimit-${wire}-limit`,
  `anthropic-ratelimit-${wire}-remaining`,
  `anthropic-ratelimit-${wire}-reset`,
];

/**
 * The rate-limit facts of one response, or null when it carried none. Each provider module
 * names the header families its servers send; the first family naming a bucket wins.
 */
export function rateLimitFrom(
  headers: Headers,
  now = Date.now(),
  families: readonly RateLimitHeaderNames[] = [openAIRateLimitHeaders, anthropicRateLimitHeaders],
): RateLimitInfo | null {
  const raw: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (/ratelimit|^retry-after/.test(name)) raw[name] = value;
  });
  if (Object.keys(raw).length === 0) return null;
  const info: RateLimitInfo = { headers: raw };
  for (const [key, wire] of Object.entries(bucketNames) as [keyof typeof bucketNames, string][]) {
    for (const names of families) {
      const found = bucket(headers, names(wire), now);
      if (found) {
        info[key] = found;
        break;
      }
    }
  }
  return info;
}
