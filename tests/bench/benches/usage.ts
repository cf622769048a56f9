import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../../src/main/core/store/Store';
import { rangeOfDays, UsageReporter } from '../../../src/main/core/usage/usageReport';
import type { Bench } from '../types';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 25, 12);
/** Calls in the 30-day window (last 29 days and today), the same in both ledgers: a heavy user's month (~330 calls a day). */
const FULL = { recent: 10_000, big: 1_000_000, runs: 40 };
/** npm run test:bench: proves the bench runs, measures nothing. */
const QUICK = { recent: 1_000, big: 5_000, runs: 3 };
const MODELS = [
  'gpt-4o',
  'gpt-4o-mini',
  'claude-sonnet-4-5',
  'claude-haiku-4-5',
  'llama3.1:8b',
  'o4-mini',
];

/**
 * Fills a ledger with `total` rows: `recent` of them in the last 30 days, the rest spread over the
 * five years before, so the 1M-row ledger is what years of use leave behind. One transaction,
 * one prepared statement (raw inserts: the ledger's own record() would price every row).
 */
function fill(store: Store, total: number, recent: number): number {
  const started = performance.now();
  const insert = store.db.prepare(
    `INSERT INTO usage_ledger (created_at, kind, profile_id, provider, model, conversation_id, input_tokens,
       cached_input_tokens, output_tokens, reasoning_tokens, source, ttft_ms, duration_ms, outcome, cost)
     VALUES (?, 'chat', ?, ?, ?, NULL, ?, ?, ?, 0, ?, 300, 2000, 'stop', ?)`,
  );
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  store.db.transaction(() => {
    for (let i = 0; i < total; i++) {
      const isRecent = i < recent;
      const age = isRecent ? random() * 29 * DAY : 30 * DAY + random() * 5 * 365 * DAY;
      const model = MODELS[i % MODELS.length]!;
      const provider = model.startsWith('claude') ? 'anthropic' : 'openai';
      const input = 200 + Math.floor(random() * 4000);
      insert.run(
        Math.floor(NOW - age),
        `p${i % 3}`,
        provider,
        model,
        input,
        Math.floor(input / 4),
        50 + Math.floor(random() * 800),
        i % 17 === 0 ? 'estimated' : 'provider',
        model.includes(':') ? null : input * 2e-6,
      );
    }
  })();
  return performance.now() - started;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

/** The Usage screen's 30-day report (totals, by day, by model, by provider), timed `runs` times. */
function timeReport(
  store: Store,
  { runs, recent }: { runs: number; recent: number },
): { p50: number; p95: number } {
  const reporter = new UsageReporter(store.db);
  const range = rangeOfDays(30, NOW, 0);
  reporter.report(range); // warm the page cache as an open app would have
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const report = reporter.report(range);
    times.push(performance.now() - started);
    if (report.totals.calls !== recent)
      throw new Error(`expected ${recent} calls, got ${report.totals.calls}`);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

const bench: Bench = {
  name: 'usage',
  description: "The Usage screen's 30-day report over a 1M-row ledger vs a 10k-row one",
  async run(log, options) {
    const size = options.quick ? QUICK : FULL;
    const dirs = [
      mkdtempSync(join(tmpdir(), 'sb-usage-small-')),
      mkdtempSync(join(tmpdir(), 'sb-usage-big-')),
    ];
    const small = openStore({ dataDir: dirs[0]!, now: () => NOW });
    const big = openStore({ dataDir: dirs[1]!, now: () => NOW });
    try {
      fill(small, size.recent, size.recent);
      const fillMs = fill(big, size.big, size.recent);
      log(`filled ${size.big.toLocaleString('en-US')} rows in ${fillMs.toFixed(0)} ms`);
      big.db.exec('ANALYZE');
      small.db.exec('ANALYZE');
      const smallTimes = timeReport(small, size);
      const bigTimes = timeReport(big, size);
      log(
        `30-day report p50/p95: 10k ${smallTimes.p50.toFixed(2)}/${smallTimes.p95.toFixed(2)} ms, 1M ${bigTimes.p50.toFixed(2)}/${bigTimes.p95.toFixed(2)} ms`,
      );
      return {
        metrics: {
          fill_1m_ms: fillMs,
          report_30d_10k_p50_ms: smallTimes.p50,
          report_30d_10k_p95_ms: smallTimes.p95,
          report_30d_1m_p50_ms: bigTimes.p50,
          report_30d_1m_p95_ms: bigTimes.p95,
        },
        ratios: { report_30d_1m_vs_10k_p50: bigTimes.p50 / smallTimes.p50 },
        goals: { report_30d_1m_vs_10k_p50: { max: 2 }, report_30d_1m_p95_ms: { max: 100 } },
      };
    } finally {
      small.close();
      big.close();
      dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
    }
  },
};

export default bench;
