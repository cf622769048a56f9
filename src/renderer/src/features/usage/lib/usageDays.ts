import type { UsageFigures, UsageReport, UsageRow } from '../../../../../shared/usage';

const DAY = 86_400_000;
/** Beyond this many days the chart shows only days with calls (a year of empty bars says nothing). */
const MAX_FILLED_DAYS = 120;

const zero: UsageFigures = {
  calls: 0,
  inputTokens: 0,
  cachedInputTokens: 0,
  cacheWriteTokens: 0,
  outputTokens: 0,
  reasoningTokens: 0,
  cost: null,
  cacheSavings: null,
  estimatedCalls: 0,
  estimatedInputTokens: 0,
  estimatedOutputTokens: 0,
  unpricedCalls: 0,
  searches: 0,
  searchCost: null,
  unpricedSearches: 0,
};

/** One bar per day of the range, quiet days included, so gaps read as gaps. */
export function dayBuckets(report: UsageReport): UsageRow[] {
  const { from, to, utcOffsetMinutes } = report.range;
  const days = Math.ceil((to - from) / DAY);
  if (days > MAX_FILLED_DAYS) return report.byDay;
  const found = new Map(report.byDay.map((row) => [row.key, row]));
  const rows: UsageRow[] = [];
  const seen = new Set<string>();
  for (let t = from; t < to; t += DAY / 2) {
    // Half-day steps with a set: a DST day of 23 or 25 hours neither skips nor repeats a date.
    const key = new Date(t + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push(found.get(key) ?? { key, ...zero });
  }
  return rows;
}
