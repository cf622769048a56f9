import { useEffect, useState } from 'react';
import { api } from '../../../lib/api';
import { formatReset, lowestBudget, type LowBudget } from '../lib/usageFormat';

interface Warning extends LowBudget {
  /** When the headers came, so "resets in" is said relative to then, not to each render. */
  seenAt: number;
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
