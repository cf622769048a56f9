import type { Migration } from './types';

/**
 * Captured provider exchanges for the inspector: one row per provider call behind an answer,
 * its attempts as JSON (headers already redacted by the engine; a key is never stored).
 * Deleting the answer's message (and so its conversation) deletes its exchanges.
 */
export const exchangesMigration: Migration = {
  version: 4,
  name: 'exchanges',
  up(db) {
    db.exec(`
      CREATE TABLE exchanges (
        id INTEGER PRIMARY KEY,
        message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        provider TEXT NOT NULL,
        model TEXT NOT NULL,
        stream INTEGER NOT NULL,
        timing TEXT,
        truncated INTEGER NOT NULL DEFAULT 0,
        size_bytes INTEGER NOT NULL,
        attempts TEXT NOT NULL
      );
      CREATE INDEX exchanges_message ON exchanges (message_id);
      CREATE INDEX exchanges_time ON exchanges (created_at);
    `);
  },
};
