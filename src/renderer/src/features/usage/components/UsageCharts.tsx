import { useMemo } from 'react';
import type { UsageFigures, UsageReport } from '../../../../../shared/usage';
import { formatDate, useTranslation, type TFunction } from '../../../lib/i18n';
import { formatTokens } from '../lib/usageFormat';
import { dayBuckets } from '../lib/usageDays';
import { UsageBarChart, type BarSeries } from './UsageBarChart';

const COLORS = { input: '#3b82f6', cached: '#93c5fd', output: '#10b981' };
const heading = 'text-xs font-semibold caps text-zinc-500';

/** Uncached input, cached input and output of each bar, stacked in that order. */
function tokenSeries(t: TFunction, rows: readonly UsageFigures[]): BarSeries[] {
  return [
    {
      label: t('chart.input'),
      values: rows.map((r) => r.inputTokens - r.cachedInputTokens),
      color: COLORS.input,
    },
    {
      label: t('chart.cachedInput'),
      values: rows.map((r) => r.cachedInputTokens),
      color: COLORS.cached,
    },
    { label: t('chart.output'), values: rows.map((r) => r.outputTokens), color: COLORS.output },
  ];
}

/** A local day's key (YYYY-MM-DD) as the language writes a day and month: 12/3, 3.12. */
function dayLabel(key: string): string {
  const [year = 1970, month = 1, day = 1] = key.split('-').map(Number);
  return formatDate(new Date(year, month - 1, day).getTime(), { month: 'numeric', day: 'numeric' });
}

export type UsageGroupBy = 'model' | 'provider';

interface UsageChartsProps {
  report: UsageReport;
  /** Kept by the dialog, so the choice outlives closing and opening it again. */
  groupBy: UsageGroupBy;
  onGroupBy: (groupBy: UsageGroupBy) => void;
}

/** Tokens by day, and by model or provider (the person's choice), side by side. */
export function UsageCharts({ report, groupBy, onGroupBy }: UsageChartsProps) {
  const { t } = useTranslation('usage');
  const days = useMemo(() => dayBuckets(report), [report]);
  const daySeries = useMemo(() => tokenSeries(t, days), [t, days]);
  // The language is switched in Settings, never while this dialog is mounted.
  const dayLabels = useMemo(() => days.map((d) => dayLabel(d.key)), [days]);
  const groups = groupBy === 'model' ? report.byModel : report.byProvider;
  const groupSeries = useMemo(() => tokenSeries(t, groups), [t, groups]);
  const byGroup = t(groupBy === 'model' ? 'chart.byModel' : 'chart.byProvider');
  const groupLabels = useMemo(() => groups.map((g) => g.key), [groups]);
  return (
    <div className="grid grid-cols-2 gap-5">
      <section aria-label={t('chart.byDay')}>
        <h3 className={`mb-1 ${heading}`}>{t('chart.byDay')}</h3>
        <UsageBarChart
          labels={dayLabels}
          series={daySeries}
          ariaLabel={t('chart.byDay')}
          format={formatTokens}
        />
      </section>
      <section aria-label={byGroup}>
        <div className="mb-1 flex items-center justify-between">
          <h3 className={heading}>{byGroup}</h3>
          <select
            aria-label={t('chart.groupBy')}
            value={groupBy}
            onChange={(e) => onGroupBy(e.target.value === 'provider' ? 'provider' : 'model')}
            className="rounded border border-zinc-300 px-1 text-xs dark:border-zinc-700 dark:bg-zinc-800"
          >
            <option value="model">{t('model')}</option>
            <option value="provider">{t('chart.provider')}</option>
          </select>
        </div>
        <UsageBarChart
          labels={groupLabels}
          series={groupSeries}
          ariaLabel={byGroup}
          format={formatTokens}
        />
      </section>
    </div>
  );
}
