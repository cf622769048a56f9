import { useRateLimitStore } from '../store/rateLimitStore';
import { formatReset } from '../lib/usageFormat';

/**
 * A line above the composer when the last answer's provider said a budget is nearly spent, so
 * the next refusal is no surprise; it clears when a later answer shows headroom again.
 */
export function RateLimitWarning() {
  const low = useRateLimitStore((s) => s.low);
  const dismiss = useRateLimitStore((s) => s.dismiss);
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
        onClick={dismiss}
        aria-label="Dismiss rate-limit warning"
        className="ml-3 rounded px-1 hover:bg-amber-100 dark:hover:bg-amber-900"
      >
        ×
      </button>
    </p>
  );
}
