import { costOf, findPrice } from '../../../../shared/pricing';
import type { Migration } from './types';

/**
 * The usage screen's shape of the ledger: a covering index so the range aggregation reads only
 * the index entries inside the range (its time grows with the range, not with the table),
 * the last rate-limit headers per profile, and costs for rows written before prices were applied.
 */
export const usageCostsMigration: Migration = {
  version: 3,
  name: 'usage costs, aggregation index, rate limits',
  up(db) {
    db.exec(`
      DROP INDEX IF EXISTS usage_ledger_time;
      CREATE INDEX usage_ledger_range ON usage_ledger (
        created_at, model, provider, source, input_tokens, cached_input_tokens,
        output_tokens, reasoning_tokens, cost
      );
      CREATE TABLE rate_limits (
        profile_id TEXT PRIMARY KEY,
        provider TEXT,
        observed_at INTEGER NOT NULL,
        info TEXT NOT NULL
      );
    `);
    // Rows recorded by migration 2's code had no cost: price them with the shipped table.
    const rows = db
      .prepare(
        `SELECT id, model, input_tokens AS input, cached_input_tokens AS cached, output_tokens AS output
         FROM usage_ledger WHERE cost IS NULL AND model IS NOT NULL AND input_tokens IS NOT NULL`,
      )
      .all() as {
      id: number;
      model: string;
      input: number;
      cached: number | null;
      output: number | null;
    }[];
    const update = db.prepare('UPDATE usage_ledger SET cost = ? WHERE id = ?');
    for (const row of rows) {
      const cost = costOf(
        {
          inputTokens: row.input,
          cachedInputTokens: row.cached ?? 0,
          outputTokens: row.output ?? 0,
        },
        findPrice(row.model),
      );
      if (cost !== null) update.run(cost, row.id);
    }
  },
};
