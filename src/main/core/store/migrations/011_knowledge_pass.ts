import type { Migration } from './types';

/**
 * An index pass cut off by quitting the app is resumed at the next start (issue 20):
 * `knowledge_collections.pass_started_at` is set when a pass starts and cleared when it ends
 * (done, failed, or cancelled by the person), but not when the app closes under it, so at
 * start a collection that still has it was interrupted and its pass is started again (it goes
 * on from the documents already written). NULL for every collection before: none is running.
 */
export const knowledgePassMigration: Migration = {
  version: 11,
  name: 'knowledge pass interrupted',
  up(db) {
    db.exec('ALTER TABLE knowledge_collections ADD COLUMN pass_started_at INTEGER');
  },
};
