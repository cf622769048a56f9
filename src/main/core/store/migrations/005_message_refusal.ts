import type { Migration } from './types';

/**
 * An answer the model declined keeps the refusal in its own words apart from `content`, so it
 * is shown as a refusal (not as an answer) and exported as one. Existing rows had none.
 */
export const messageRefusalMigration: Migration = {
  version: 5,
  name: 'message refusal',
  up(db) {
    db.exec(`ALTER TABLE messages ADD COLUMN refusal TEXT NOT NULL DEFAULT ''`);
  },
};
