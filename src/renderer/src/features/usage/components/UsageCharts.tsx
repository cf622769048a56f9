import { useMemo } from 'react';
import type { UsageFigures, UsageReport } from '../../../../../shared/usage';
import { formatTokens } from '../lib/usageFormat';
import { dayBuckets } from '../lib/usageDays';
import { UsageBarChart, type BarSeries } from './UsageBarChart';

const COLORS = { input: '#3b82f6', cached: '#93c5fd', output: '#10b981' };
const heading = 'text-xs font-semibold uppercase tracking-wide text-zinc-500';

/** Uncached input, cached input and output of each bar, stacked in that order. */
function tokenSeries(rows: readonly UsageFigures[]): BarSeries[] {
  return [
    {
      label: 'Input',
      values: rows.map((r) => r.inputTokens - r.cachedInputTokens),
      color: COLORS.input,
    },
    { label: 'Cached input', values: rows.map((r) => r.cachedInputTokens), color: COLORS.cached },
    { label: 'Output', values: rows.map((r) => r.outputTokens), color: COLORS.output },
  ];
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
  const days = useMemo(() => dayBuckets(report), [report]);
  const daySeries = useMemo(() => tokenSeries(days), [days]);
  const dayLabels = useMemo(() => days.map((d) => d.key.slice(5)), [days]);
  const groups = groupBy === 'model' ? report.byModel : report.byProvider;
  const groupSeries = useMemo(() => tokenSeries(groups), [groups]);
  const groupLabels = useMemo(() => groups.map((g) => g.key), [groups]);
  return (
    <div className="grid grid-cols-2 gap-5">
      <section aria-label="Tokens by day">
        <h3 className={`mb-1 ${heading}`}>Tokens by day</h3>
        <UsageBarChart
          labels={dayLabels}
          series={daySeries}
          ariaLabel="Tokens by day"
          format={formatTokens}
        />
      </section>
      <section aria-label={`Tokens by ${groupBy}`}>
        <div className="mb-1 flex items-center justify-between">
          <h3 className={heading}>Tokens by {groupBy}</h3>
          <select
            aria-label="Group by"
            value={groupBy}
            onChange={(e) => onGroupBy(e.target.value === 'provider' ? 'provider' : 'model')}
            className="rounded border border-zinc-300 px-1 text-xs dark:border-zinc-700 dark:bg-zinc-800"
          >
            <option value="model">Model</option>
            <option value="provider">Provider</option>
          </select>
        </div>
        <UsageBarChart
          labels={groupLabels}
          series={groupSeries}
          ariaLabel={`Tokens by ${groupBy}`}
          format={formatTokens}
        />
      </section>
    </div>
  );
}
