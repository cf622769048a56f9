import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { UsageFigures, UsageGrouping, UsageRange, UsageRow } from '../shared/usage';
import { appConfigDir } from '../main/core/preferences/appConfigDir';
import { openDatabase } from '../main/core/store/database';
import { openHistory } from '../main/core/store/openHistory';
import { DATABASE_FILE } from '../main/core/store/Store';
import { rangeOfDays, UsageReporter } from '../main/core/usage/usageReport';
import { UsageError } from './args';

export const usageCommandText = `usage: npm run --silent cli -- usage [--since YYYY-MM-DD] [--by model|day|provider] [--json] [--data-dir DIR]

  --since DATE     from local midnight of DATE to now (default: the last 30 days, today included)
  --by G           one line per model (default), day or provider
  --json           {"range", "totals", "rows"} as JSON
  --data-dir DIR   the app's data folder (default: the app's own, or SWITCHBOARD_CONFIG_DIR)

Figures come from the usage ledger, as on the Usage screen. A cost of "—" means no known price;
"*" marks lines that include estimated (not provider-reported) tokens.`;

interface UsageArgs {
  since: string | undefined;
  by: UsageGrouping;
  json: boolean;
  dataDir: string | undefined;
}

export function parseUsageArgs(argv: string[]): UsageArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        since: { type: 'string' },
        by: { type: 'string', default: 'model' },
        json: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const by = values.by;
  if (by !== 'model' && by !== 'day' && by !== 'provider')
    throw new UsageError(`--by must be model, day or provider (got "${by}")`);
  if (values.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.since))
    throw new UsageError(`--since must be a date like 2026-11-01 (got "${values.since}")`);
  return { since: values.since, by, json: values.json, dataDir: values['data-dir'] };
}

/** The range the screen would show: local days, the viewer's time zone. */
export function rangeFor(since: string | undefined, now: number): UsageRange {
  const utcOffsetMinutes = -new Date(now).getTimezoneOffset();
  if (!since) return rangeOfDays(30, now, utcOffsetMinutes);
  const [y, m, d] = since.split('-').map(Number) as [number, number, number];
  const from = new Date(y, m - 1, d).getTime();
  if (Number.isNaN(from)) throw new UsageError(`--since is not a date: "${since}"`);
  return { from, to: now + 1, utcOffsetMinutes };
}

/** `usage`: totals and a breakdown from the ledger, over the same SQL as the Usage screen. */
export function runUsage(
  args: UsageArgs,
  io: {
    env: NodeJS.ProcessEnv;
    stdout: (text: string) => void;
    stderr?: (text: string) => void;
    now?: number;
  },
): number {
  const dir = args.dataDir ?? appConfigDir(io.env);
  const file = join(dir, DATABASE_FILE);
  // No history yet: report zeros from an empty in-memory ledger rather than create a file. A
  // history that cannot be written (read-only folder, a lock, damage) is read as the app reads it.
  const history = existsSync(file)
    ? openHistory({ dataDir: dir })
    : { store: null, status: { writable: true } as const };
  if (!history.status.writable) io.stderr?.(`Note: ${history.status.message}\n`);
  const db = history.store?.db ?? openDatabase({ file: ':memory:' }).db;
  try {
    const reporter = new UsageReporter(db);
    const range = rangeFor(args.since, io.now ?? Date.now());
    const totals = reporter.figures(range);
    const rows = reporter.rows(range, args.by);
    const searches = reporter.rows(range, 'search');
    if (args.json) {
      io.stdout(`${JSON.stringify({ range, by: args.by, totals, rows, searches })}\n`);
      return 0;
    }
    const table = [
      [args.by, 'calls', 'input', 'cached', 'written', 'output', 'reasoning', 'cost', 'saved'],
      ...rows.map((row) => line(row.key, row)),
      line('total', totals),
    ];
    const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
    for (const r of table)
      io.stdout(
        `${r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')}\n`,
      );
    for (const row of searches) io.stdout(searchLine(row));
    return 0;
  } finally {
    if (history.store) history.store.close();
    else db.close();
  }
}

/** A search provider's searches (not in `calls`), its fees "—" where no price is known. */
function searchLine(row: UsageRow): string {
  const fee =
    row.searchCost === null
      ? '—'
      : `$${row.searchCost.toFixed(4)}${row.unpricedSearches ? '+' : ''}`;
  return `web searches (${row.key}): ${row.searches.toLocaleString('en-US')}, fees ${fee}\n`;
}

function line(key: string, f: UsageFigures): string[] {
  const n = (value: number) => value.toLocaleString('en-US');
  const cost = f.cost === null ? '—' : `$${f.cost.toFixed(4)}${f.unpricedCalls ? '+' : ''}`;
  // What prompt caching saved (negative: writes not yet read back); — when nothing was cached.
  const saved = f.cacheSavings === null ? '—' : `$${f.cacheSavings.toFixed(4)}`;
  return [
    `${key}${f.estimatedCalls ? ' *' : ''}`,
    n(f.calls),
    n(f.inputTokens),
    n(f.cachedInputTokens),
    n(f.cacheWriteTokens),
    n(f.outputTokens),
    n(f.reasoningTokens),
    cost,
    saved,
  ];
}
