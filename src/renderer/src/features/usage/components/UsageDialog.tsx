import * as Dialog from '@radix-ui/react-dialog';
import { useMemo, useState } from 'react';
import type { UsageRange } from '../../../../../shared/usage';
import { formatTokens, isoDay, rangeNow, type RangePreset } from '../lib/usageFormat';
import { dayBuckets } from '../lib/usageDays';
import { CacheSavings } from './CacheSavings';
import { RateLimitPanel } from './RateLimitPanel';
import { UsageBarChart, type BarSeries } from './UsageBarChart';
import { UsageTable } from './UsageTable';
import { UsageTotals } from './UsageTotals';
import { useUsageStore } from '../store/usageStore';

const presets: { id: RangePreset; label: string }[] = [
  { id: 'today', label: 'Today' },
  { id: '7d', label: '7 days' },
  { id: '30d', label: '30 days' },
  { id: 'custom', label: 'Range' },
];
const COLORS = { input: '#3b82f6', cached: '#93c5fd', output: '#10b981' };
const button =
  'whitespace-nowrap rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:border-zinc-700 dark:hover:bg-zinc-800';

/** The "Usage" button and its screen: totals, charts, a table and headroom, from the ledger. */
export function UsageDialog() {
  const [open, setOpen] = useState(false);
  const [preset, setPreset] = useState<RangePreset>('30d');
  const [custom, setCustom] = useState(() => ({
    from: isoDay(Date.now() - 6 * 86_400_000),
    to: isoDay(Date.now()),
  }));
  const [groupBy, setGroupBy] = useState<'model' | 'provider'>('model');
  const { report, limits, error, load, exportCsv: exportRange } = useUsageStore();
  const [now, setNow] = useState(0);
  const [range, setRange] = useState<UsageRange | null>(null);

  // Loads are started by what the person does (open, pick a range), not by an effect.
  const show = async (nextPreset: RangePreset, nextCustom: typeof custom) => {
    const { range: r, now: t } = rangeNow(nextPreset, nextCustom);
    setPreset(nextPreset);
    setCustom(nextCustom);
    setNow(t);
    setRange(r);
    if (r) await load(r);
  };

  const exportCsv = async () => {
    if (range) await exportRange(range);
  };

  const days = useMemo(() => (report ? dayBuckets(report) : []), [report]);
  const daySeries = useMemo<BarSeries[]>(
    () => [
      {
        label: 'Input',
        values: days.map((d) => d.inputTokens - d.cachedInputTokens),
        color: COLORS.input,
      },
      { label: 'Cached input', values: days.map((d) => d.cachedInputTokens), color: COLORS.cached },
      { label: 'Output', values: days.map((d) => d.outputTokens), color: COLORS.output },
    ],
    [days],
  );
  const dayLabels = useMemo(() => days.map((d) => d.key.slice(5)), [days]);
  const groups = useMemo(
    () => (report ? (groupBy === 'model' ? report.byModel : report.byProvider) : []),
    [report, groupBy],
  );
  const groupLabels = useMemo(() => groups.map((g) => g.key), [groups]);
  const groupSeries = useMemo<BarSeries[]>(
    () => [
      {
        label: 'Input',
        values: groups.map((g) => g.inputTokens - g.cachedInputTokens),
        color: COLORS.input,
      },
      {
        label: 'Cached input',
        values: groups.map((g) => g.cachedInputTokens),
        color: COLORS.cached,
      },
      { label: 'Output', values: groups.map((g) => g.outputTokens), color: COLORS.output },
    ],
    [groups],
  );

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void show(preset, custom);
      }}
    >
      <Dialog.Trigger className={button}>Usage</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-30 bg-black/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-30 flex h-[min(48rem,94vh)] w-[min(64rem,96vw)] -translate-x-1/2 -translate-y-1/2 flex-col overflow-hidden rounded-xl bg-white shadow-2xl focus:outline-none dark:bg-zinc-900">
          <div className="flex items-center justify-between gap-4 border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
            <div>
              <Dialog.Title className="text-base font-semibold">Usage</Dialog.Title>
              <Dialog.Description className="text-xs text-zinc-500">
                Every provider call, deleted chats included. Tokens the provider did not report are
                estimated and marked.
              </Dialog.Description>
            </div>
            <div className="flex shrink-0 items-center gap-2">
              <div
                role="radiogroup"
                aria-label="Range"
                className="flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700"
              >
                {presets.map((p) => (
                  <button
                    key={p.id}
                    type="button"
                    role="radio"
                    aria-checked={preset === p.id}
                    onClick={() => {
                      void show(p.id, custom);
                    }}
                    className="whitespace-nowrap rounded px-2.5 py-0.5 text-sm aria-checked:bg-blue-600 aria-checked:text-white"
                  >
                    {p.label}
                  </button>
                ))}
              </div>
              <button
                type="button"
                className={button}
                onClick={() => void exportCsv()}
                disabled={!range}
              >
                Export CSV
              </button>
              <Dialog.Close
                aria-label="Close usage"
                className="rounded px-2 py-1 text-lg leading-none text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
              >
                ×
              </Dialog.Close>
            </div>
          </div>
          <div className="min-h-0 flex-1 space-y-5 overflow-y-auto px-5 py-4">
            {preset === 'custom' && (
              <div className="flex items-center gap-2 text-sm">
                <label className="flex items-center gap-1">
                  From
                  <input
                    type="date"
                    value={custom.from}
                    onChange={(e) => void show('custom', { ...custom, from: e.target.value })}
                    className="rounded border border-zinc-300 px-1.5 py-0.5 dark:border-zinc-700 dark:bg-zinc-800"
                  />
                </label>
                <label className="flex items-center gap-1">
                  To
                  <input
                    type="date"
                    value={custom.to}
                    onChange={(e) => void show('custom', { ...custom, to: e.target.value })}
                    className="rounded border border-zinc-300 px-1.5 py-0.5 dark:border-zinc-700 dark:bg-zinc-800"
                  />
                </label>
                {!range && (
                  <span className="text-xs text-red-600">Pick a start on or before the end.</span>
                )}
              </div>
            )}
            {error && (
              <p role="alert" className="text-sm text-red-600">
                {error}
              </p>
            )}
            {report && (
              <>
                <UsageTotals totals={report.totals} />
                <CacheSavings totals={report.totals} />
                <div className="grid grid-cols-2 gap-5">
                  <section aria-label="Tokens by day">
                    <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">
                      Tokens by day
                    </h3>
                    <UsageBarChart
                      labels={dayLabels}
                      series={daySeries}
                      ariaLabel="Tokens by day"
                      format={formatTokens}
                    />
                  </section>
                  <section aria-label={`Tokens by ${groupBy}`}>
                    <div className="mb-1 flex items-center justify-between">
                      <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">
                        Tokens by {groupBy}
                      </h3>
                      <select
                        aria-label="Group by"
                        value={groupBy}
                        onChange={(e) =>
                          setGroupBy(e.target.value === 'provider' ? 'provider' : 'model')
                        }
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
                <section>
                  <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">
                    By model
                  </h3>
                  <UsageTable rows={report.byModel} keyLabel="Model" />
                </section>
              </>
            )}
            <section>
              <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">
                Rate-limit headroom
              </h3>
              <RateLimitPanel limits={limits} now={now} />
            </section>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
