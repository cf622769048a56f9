import type { Migration } from './types';

/**
 * One row per provider call of any kind (chat, regenerate, continue, title…). No foreign key to
 * conversations on purpose: deleting a conversation must not delete what it cost.
 * The usage issue owns this table's later shape (prices, more indexes) through new migrations.
 */
export const usageLedgerMigration: Migration = {
  version: 2,
  name: 'usage ledger',
  up(db) {
    db.exec(`
      CREATE TABLE usage_ledger (
        id INTEGER PRIMARY KEY,
        created_at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        profile_id TEXT,
        provider TEXT,
        model TEXT,
        conversation_id TEXT,
        message_id TEXT,
        input_tokens INTEGER,
        cached_input_tokens INTEGER,
        output_tokens INTEGER,
        reasoning_tokens INTEGER,
        source TEXT,
        ttft_ms REAL,
        duration_ms REAL,
        outcome TEXT NOT NULL,
        cost REAL
      );
      CREATE INDEX usage_ledger_time ON usage_ledger (created_at);
    `);
  },
};
