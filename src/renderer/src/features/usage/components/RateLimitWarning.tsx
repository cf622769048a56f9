import { useRateLimitStore } from '../store/rateLimitStore';
import { formatReset } from '../lib/usageFormat';
import { formatNumber, useTranslation } from '../../../lib/i18n';

/**
 * A line above the composer when the last answer's provider said a budget is nearly spent, so
 * the next refusal is no surprise; it clears when a later answer shows headroom again.
 */
export function RateLimitWarning() {
  const low = useRateLimitStore((s) => s.low);
  const dismiss = useRateLimitStore((s) => s.dismiss);
  const { t } = useTranslation('usage');
  if (!low) return null;
  const { remaining, limit, resetAt } = low.bucket;
  return (
    <p
      role="status"
      className="mx-4 mb-1 flex items-center justify-between rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <span>
        {t('warning', {
          remaining: remaining == null ? '?' : formatNumber(remaining),
          limit: limit == null ? '?' : formatNumber(limit),
          what: t(`budget.${low.name}`),
        })}
        {resetAt ? `, ${formatReset(resetAt, low.seenAt)}` : ''}.
      </span>
      <button
        type="button"
        onClick={dismiss}
        aria-label={t('dismissWarning')}
        className="ml-3 rounded px-1 hover:bg-amber-100 dark:hover:bg-amber-900"
      >
        ×
      </button>
    </p>
  );
}
