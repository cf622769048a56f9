import type { RateLimitBudget, RateLimitView } from '../../../../../shared/usage';
import { formatReset, headroom, LOW_HEADROOM } from '../lib/usageFormat';
import { formatNumber, formatTime, useTranslation } from '../../../lib/i18n';

const count = (value: number | null | undefined) => (value == null ? '?' : formatNumber(value));

/** Per profile: what the provider's last rate-limit headers left, and when it refills. */
export function RateLimitPanel({ limits, now }: { limits: RateLimitView[]; now: number }) {
  const { t } = useTranslation('usage');
  if (limits.length === 0) return <p className="text-xs text-zinc-500">{t('noHeaders')}</p>;
  return (
    <ul className="grid grid-cols-2 gap-3" aria-label={t('rateLimits')}>
      {limits.map((limit) => (
        <li
          key={limit.profileId}
          className="rounded-lg border border-zinc-200 px-3 py-2 dark:border-zinc-800"
        >
          <div className="flex items-baseline justify-between">
            <span className="text-sm font-medium">{limit.profileName ?? limit.profileId}</span>
            <span className="text-[11px] text-zinc-500">
              {t('asOf', { time: formatTime(limit.observedAt) })}
            </span>
          </div>
          <Budget name={t('requests')} budget={limit.requests} now={now} />
          <Budget name={t('tokens')} budget={limit.tokens} now={now} />
        </li>
      ))}
    </ul>
  );
}

function Budget({
  name,
  budget,
  now,
}: {
  name: string;
  budget: RateLimitBudget | null;
  now: number;
}) {
  const { t } = useTranslation('usage');
  const share = headroom(budget);
  if (!budget || share === null)
    return <p className="mt-1 text-xs text-zinc-500">{t('notReported', { name })}</p>;
  const low = share < LOW_HEADROOM;
  return (
    <div className="mt-1.5">
      <div className="flex justify-between text-xs">
        <span>
          {t('left', {
            name,
            remaining: count(budget.remaining),
            limit: count(budget.limit),
          })}
        </span>
        <span className="text-zinc-500">{formatReset(budget.resetAt, now)}</span>
      </div>
      <div className="mt-0.5 h-1.5 rounded bg-zinc-200 dark:bg-zinc-800">
        <div
          className={`h-1.5 rounded ${low ? 'bg-red-500' : 'bg-emerald-500'}`}
          style={{ width: `${Math.round(share * 100)}%` }}
        />
      </div>
    </div>
  );
}
