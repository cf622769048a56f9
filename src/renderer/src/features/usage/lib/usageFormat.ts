import type { RateLimitBucket, RateLimitInfo } from '../../../../../shared/stream';
import type { RateLimitBudget, UsageFigures, UsageRange } from '../../../../../shared/usage';
import { formatNumber, formatRelative, formatTime, formatUsd, i18n } from '../../../lib/i18n';

const DAY = 86_400_000;

/** "—" when no price is known (never $0.00); a "+" when some calls in the sum have no price. */
export function formatCost(figures: Pick<UsageFigures, 'cost' | 'unpricedCalls'>): string {
  if (figures.cost === null) return '—';
  const digits = figures.cost !== 0 && Math.abs(figures.cost) < 0.01 ? 4 : 2;
  return `${formatUsd(figures.cost, digits)}${figures.unpricedCalls > 0 ? ' +' : ''}`;
}

/** Big counts shortened the language's way (1.2M, 120万, 1,2 Mio.); small ones in full. */
export function formatTokens(value: number): string {
  if (value >= 10_000_000)
    return formatNumber(value, { notation: 'compact', maximumFractionDigits: 1 });
  if (value >= 100_000)
    return formatNumber(value, { notation: 'compact', maximumFractionDigits: 0 });
  return formatNumber(value);
}

export type RangePreset = 'today' | '7d' | '30d' | 'custom';

/** The viewer's UTC offset in minutes, as the ledger query buckets days with it. */
export function localOffset(now: number): number {
  return -new Date(now).getTimezoneOffset();
}

/** Today, 7 or 30 days ending now, each starting at a local midnight. */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, now: number): UsageRange {
  const days = preset === 'today' ? 1 : preset === '7d' ? 7 : 30;
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  start.setDate(start.getDate() - (days - 1));
  return { from: start.getTime(), to: now + 1, utcOffsetMinutes: localOffset(now) };
}

/** A chosen range of local dates (YYYY-MM-DD), both days included. */
export function customRange(fromDate: string, toDate: string): UsageRange | null {
  const from = localMidnight(fromDate);
  const to = localMidnight(toDate);
  if (from === null || to === null || to < from) return null;
  return { from, to: to + DAY, utcOffsetMinutes: localOffset(from) };
}

function localMidnight(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
}

export function isoDay(time: number): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Share of a budget left, 0..1; null when the provider did not say both figures. */
export function headroom(budget: RateLimitBudget | null | undefined): number | null {
  if (!budget || budget.limit === null || budget.remaining === null || budget.limit <= 0)
    return null;
  return Math.max(0, Math.min(1, budget.remaining / budget.limit));
}

/** Below this share left, the chat warns that the next calls may be refused. */
export const LOW_HEADROOM = 0.1;

export function formatReset(resetAt: number | null, now: number): string {
  if (resetAt === null) return '';
  const seconds = Math.max(0, Math.round((resetAt - now) / 1000));
  if (seconds < 3600)
    return i18n.t('usage:resetsIn', { relative: formatRelative(Math.max(0, resetAt - now)) });
  return i18n.t('usage:resetsAt', { time: formatTime(resetAt) });
}

/** The range a preset (or the chosen dates) means at this moment, and that moment. */
export function rangeNow(
  preset: RangePreset,
  custom: { from: string; to: string },
): { range: UsageRange | null; now: number } {
  const now = Date.now();
  return {
    range: preset === 'custom' ? customRange(custom.from, custom.to) : presetRange(preset, now),
    now,
  };
}

export interface LowBudget {
  name: string;
  bucket: RateLimitBucket;
}

/** The tightest budget under LOW_HEADROOM in one response's rate-limit headers, if any. */
export function lowestBudget(info: RateLimitInfo): LowBudget | null {
  const budgets: [string, RateLimitBucket | undefined][] = [
    ['requests', info.requests],
    ['tokens', info.tokens],
    ['input tokens', info.inputTokens],
    ['output tokens', info.outputTokens],
  ];
  let lowest: (LowBudget & { share: number }) | null = null;
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
