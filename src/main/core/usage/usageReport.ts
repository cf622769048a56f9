import type {
  UsageFigures,
  UsageGrouping,
  UsageRange,
  UsageReport,
  UsageRow,
} from '../../../shared/usage';
import type { SqliteDatabase } from '../store/database';
import { searchProviders } from '../../../shared/searchChannels';

/**
 * A search row (usage/searchUsage.ts) is told apart by its provider, a search provider's id,
 * which no provider type shares (tests/unit/usage/usageReport.test.ts): `provider` is in the
 * covering index, `kind` is not. NULL (no provider) is not a search; SUM skips it.
 */
const IS_SEARCH = `provider IN (${searchProviders.map((p) => `'${p}'`).join(', ')})`;

/** The model key of search rows (they have no model): never a model id, dropped from byModel. */
const SEARCH_MODEL_KEY = '';

/**
 * The figures of a range, computed in SQL over the covering index `usage_ledger_range`
 * (migrations 3 and 7): SQLite reads only the index entries inside [from, to), never the table.
 * A cost is summed only over priced calls; calls with tokens but no price are counted apart,
 * so "—" and "$0.00" never mean the same thing. `calls` counts every row here; `withoutSearches`
 * takes the searches out of it (cheaper than a second test per row).
 */
export const FIGURES = `
  COUNT(*) AS calls,
  COALESCE(SUM(input_tokens), 0) AS inputTokens,
  COALESCE(SUM(cached_input_tokens), 0) AS cachedInputTokens,
  COALESCE(SUM(cache_write_tokens), 0) AS cacheWriteTokens,
  COALESCE(SUM(output_tokens), 0) AS outputTokens,
  COALESCE(SUM(reasoning_tokens), 0) AS reasoningTokens,
  SUM(cost) AS cost,
  SUM(cache_savings) AS cacheSavings,
  COALESCE(SUM(source = 'estimated'), 0) AS estimatedCalls,
  COALESCE(SUM(CASE WHEN source = 'estimated' THEN input_tokens END), 0) AS estimatedInputTokens,
  COALESCE(SUM(CASE WHEN source = 'estimated' THEN output_tokens END), 0) AS estimatedOutputTokens,
  COALESCE(SUM(cost IS NULL AND input_tokens IS NOT NULL), 0) AS unpricedCalls,
  COALESCE(SUM(${IS_SEARCH}), 0) AS searches,
  SUM(CASE WHEN ${IS_SEARCH} THEN cost END) AS searchCost,
  COALESCE(SUM(${IS_SEARCH} AND cost IS NULL), 0) AS unpricedSearches`;

const KEY: Record<UsageGrouping, string> = {
  // Local days: the offset (seconds) shifts epoch time before SQLite takes the date.
  day: "strftime('%Y-%m-%d', created_at / 1000 + @offset, 'unixepoch')",
  model: `COALESCE(model, CASE WHEN ${IS_SEARCH} THEN '${SEARCH_MODEL_KEY}' ELSE '(unknown)' END)`,
  provider: "COALESCE(provider, '(unknown)')",
};

const isSearchProvider = (key: string) => (searchProviders as readonly string[]).includes(key);

/** Model calls only in `calls` (the SQL counted every row). */
function withoutSearches<T extends UsageFigures>(figures: T): T {
  return { ...figures, calls: figures.calls - figures.searches };
}

export class UsageReporter {
  private readonly totals;
  private readonly grouped: Record<UsageGrouping, ReturnType<SqliteDatabase['prepare']>>;

  constructor(db: SqliteDatabase) {
    const where = 'WHERE created_at >= @from AND created_at < @to';
    this.totals = db.prepare(`SELECT ${FIGURES} FROM usage_ledger ${where}`);
    const group = (grouping: UsageGrouping, order: string) =>
      db.prepare(
        `SELECT ${KEY[grouping]} AS key, ${FIGURES} FROM usage_ledger ${where} GROUP BY key ORDER BY ${order}`,
      );
    this.grouped = {
      day: group('day', 'key'),
      model: group('model', 'cost DESC NULLS LAST, calls DESC, key'),
      provider: group('provider', 'cost DESC NULLS LAST, calls DESC, key'),
    };
  }

  report(range: UsageRange): UsageReport {
    // One pass by provider gives both: the model providers' rows and the search providers'.
    const providers = this.all(range, 'provider');
    return {
      range,
      totals: this.figures(range),
      byDay: this.rows(range, 'day'),
      byModel: this.rows(range, 'model'),
      byProvider: providers.filter((row) => !isSearchProvider(row.key)),
      bySearchProvider: searchRows(providers),
    };
  }

  figures(range: UsageRange): UsageFigures {
    return withoutSearches(this.totals.get(params(range)) as UsageFigures);
  }

  /** Days: every row; models and providers: model calls only; `search`: per search provider. */
  rows(range: UsageRange, grouping: UsageGrouping | 'search'): UsageRow[] {
    if (grouping === 'search') return searchRows(this.all(range, 'provider'));
    const rows = this.all(range, grouping);
    if (grouping === 'day') return rows;
    return rows.filter((row) =>
      grouping === 'model' ? row.key !== SEARCH_MODEL_KEY : !isSearchProvider(row.key),
    );
  }

  private all(range: UsageRange, grouping: UsageGrouping): UsageRow[] {
    return (this.grouped[grouping].all(params(range)) as UsageRow[]).map(withoutSearches);
  }
}

function searchRows(providers: UsageRow[]): UsageRow[] {
  return providers
    .filter((row) => isSearchProvider(row.key))
    .sort((a, b) => b.searches - a.searches || a.key.localeCompare(b.key));
}

function params(range: UsageRange) {
  return { from: range.from, to: range.to, offset: range.utcOffsetMinutes * 60 };
}

/** The local midnight `days - 1` days before `now`'s day, so "7 days" means today and the 6 before. */
export function rangeOfDays(days: number, now: number, utcOffsetMinutes: number): UsageRange {
  const offsetMs = utcOffsetMinutes * 60_000;
  const localMidnight = Math.floor((now + offsetMs) / 86_400_000) * 86_400_000 - offsetMs;
  return { from: localMidnight - (days - 1) * 86_400_000, to: now + 1, utcOffsetMinutes };
}
