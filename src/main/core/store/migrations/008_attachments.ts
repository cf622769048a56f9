import type { Migration } from './types';

/**
 * Attachments (images, PDFs, text files): one row per distinct content, keyed by the SHA-256 of
 * its bytes, which live in the data folder as `attachments/ab/abcdef…` (AttachmentStore.ts).
 * Message parts refer to a row by its id (`{ type: 'image', attachmentId, … }`), so the same
 * file attached twice is stored once and a thread never carries megabytes. No foreign key from
 * the parts (they are JSON): which attachments are still referenced is asked of the parts
 * themselves when a conversation is purged and at start.
 */
export const attachmentsMigration: Migration = {
  version: 8,
  name: 'attachments',
  up(db) {
    db.exec(`
      CREATE TABLE attachments (
        id TEXT PRIMARY KEY CHECK (length(id) = 64),
        mime TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        created_at INTEGER NOT NULL
      );
    `);
  },
};
