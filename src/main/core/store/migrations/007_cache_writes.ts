import type { Migration } from './types';

/**
 * Prompt caching in the ledger: the tokens a call wrote to the provider's cache (Anthropic's
 * cache writes, billed above the input price) and what caching saved on the call, fixed at
 * record time like its cost. Both join the covering index of migration 3, so the Usage screen's
 * range aggregation still reads only the index.
 *
 * Rows written before keep NULL in both: they had no write count (usageFromAnthropic did not
 * keep it), so their savings cannot be told honestly, and the report sums only what is known.
 */
export const cacheWritesMigration: Migration = {
  version: 7,
  name: 'usage cache writes and savings',
  up(db) {
    db.exec(`
      ALTER TABLE usage_ledger ADD COLUMN cache_write_tokens INTEGER;
      ALTER TABLE usage_ledger ADD COLUMN cache_savings REAL;
      DROP INDEX usage_ledger_range;
      CREATE INDEX usage_ledger_range ON usage_ledger (
        created_at, model, provider, source, input_tokens, cached_input_tokens,
        cache_write_tokens, output_tokens, reasoning_tokens, cost, cache_savings
      );
    `);
  },
};
