import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/core/store/database';
import { migrations } from '../../../src/main/core/store/migrations';
import { UsageLedger } from '../../../src/main/core/store/UsageLedger';
import { UsageReporter } from '../../../src/main/core/usage/usageReport';

describe('migration 7: cache writes and savings in the ledger', () => {
  it('keeps rows written before it (NULL, not 0, in the new columns) and records new ones', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'switchboard-mig7-')), 'switchboard.db');
    const v6 = openDatabase({ file, migrations: migrations.slice(0, 6), now: () => 1 });
    v6.db
      .prepare(
        `INSERT INTO usage_ledger (created_at, kind, model, input_tokens, cached_input_tokens, output_tokens, outcome, cost)
         VALUES (10, 'chat', 'claude-sonnet-4-5', 1000, 400, 10, 'stop', 0.5)`,
      )
      .run();
    v6.db.close();

    const v7 = openDatabase({ file, migrations: migrations.slice(0, 7), now: () => 2 });
    expect(v7.fromVersion).toBe(6);
    expect(v7.backupFile).not.toBeNull();
    const old = v7.db
      .prepare('SELECT input_tokens, cost, cache_write_tokens, cache_savings FROM usage_ledger')
      .get();
    expect(old).toEqual({
      input_tokens: 1000,
      cost: 0.5,
      cache_write_tokens: null,
      cache_savings: null,
    });

    // A call through the ledger after the migration: 1M uncached, 2M written, 3M read, 1M out.
    const ledger = new UsageLedger(v7.db, () => 20);
    ledger.record({
      kind: 'chat',
      profileId: 'p',
      provider: 'anthropic',
      model: 'claude-sonnet-4-5-20250929',
      conversationId: null,
      messageId: null,
      usage: {
        inputTokens: 6_000_000,
        cachedInputTokens: 3_000_000,
        cacheWriteTokens: 2_000_000,
        outputTokens: 1_000_000,
        totalTokens: 7_000_000,
        source: 'provider',
      },
      ttftMs: null,
      durationMs: null,
      outcome: 'stop',
    });
    const report = new UsageReporter(v7.db).figures({ from: 0, to: 100, utcOffsetMinutes: 0 });
    // 1M×3 + 2M×3.75 + 3M×0.30 + 1M×15 = 3 + 7.5 + 0.9 + 15 = 26.4 (plus the old row's 0.5).
    expect(report.cost).toBeCloseTo(26.9, 10);
    expect(report.cacheWriteTokens).toBe(2_000_000);
    expect(report.cachedInputTokens).toBe(3_000_400);
    // Saved: 3M×(3 − 0.30) − 2M×(3.75 − 3) = 8.1 − 1.5 = 6.6; the old row counts as unknown.
    expect(report.cacheSavings).toBeCloseTo(6.6, 10);
    const plan = v7.db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT SUM(cache_write_tokens), SUM(cache_savings) FROM usage_ledger WHERE created_at >= 0 AND created_at < 100',
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX usage_ledger_range/);
    v7.db.close();
  });
});
