import { useEffect, useState } from 'react';
import type { RateLimitBucket, RateLimitInfo } from '../../../../shared/stream';
import { api } from '../../lib/api';
import { formatReset, headroom, LOW_HEADROOM } from '../../lib/usageFormat';

interface Low {
  name: string;
  bucket: RateLimitBucket;
}

interface Warning extends Low {
  /** When the headers came, so "resets in" is said relative to then, not to each render. */
  seenAt: number;
}

/** The tightest budget under LOW_HEADROOM in one response's rate-limit headers, if any. */
export function lowestBudget(info: RateLimitInfo): Low | null {
  const budgets: [string, RateLimitBucket | undefined][] = [
    ['requests', info.requests],
    ['tokens', info.tokens],
    ['input tokens', info.inputTokens],
    ['output tokens', info.outputTokens],
  ];
  let lowest: (Low & { share: number }) | null = null;
  for (const [name, bucket] of budgets) {
    if (!bucket) continue;
    const share = headroom({
      limit: bucket.limit ?? null,
      remaining: bucket.remaining ?? null,
      resetAt: bucket.resetAt ?? null,
    });
    if (share !== null && share < LOW_HEADROOM && (!lowest || share < lowest.share))
      lowest = { name, bucket, share };
  }
  return lowest && { name: lowest.name, bucket: lowest.bucket };
}

/**
 * A line above the composer when the last answer's provider said a budget is nearly spent, so
 * the next refusal is no surprise. It follows the answers' own stream (no polling) and clears
 * when a later answer shows headroom again.
 */
export function RateLimitWarning() {
  const [low, setLow] = useState<Warning | null>(null);
  useEffect(
    () =>
      api.on('chatStream', (batch) => {
        for (const event of batch.events)
          if (event.type === 'rateLimit') {
            const lowest = lowestBudget(event.rateLimit);
            setLow(lowest && { ...lowest, seenAt: Date.now() });
          }
      }),
    [],
  );
  if (!low) return null;
  const { remaining, limit, resetAt } = low.bucket;
  return (
    <p
      role="status"
      className="mx-4 mb-1 flex items-center justify-between rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <span>
        Close to the rate limit: {remaining?.toLocaleString('en-US')} of{' '}
        {limit?.toLocaleString('en-US')} {low.name} left
        {resetAt ? `, ${formatReset(resetAt, low.seenAt)}` : ''}.
      </span>
      <button
        type="button"
        onClick={() => setLow(null)}
        aria-label="Dismiss rate-limit warning"
        className="ml-3 rounded px-1 hover:bg-amber-100 dark:hover:bg-amber-900"
      >
        ×
      </button>
    </p>
  );
}
