import type { Migration } from './types';

/**
 * Branches kept whole. Messages were a tree from migration 1 (a parent per message, siblings as
 * versions), but the way down from a version was always its newest child: after switching to
 * another version and back, a branch that itself forked came back through its newest fork, not
 * the one the person had left. Each message now remembers the child shown below it last
 * (`shown_child_id`), so a branch is left and found again whole.
 *
 * Forks: a conversation made by "Fork from here" names where it came from
 * (`forked_from_conversation_id`, `forked_from_message_id`); the link outlives its source (no
 * foreign key), and the header says so when the source is gone.
 *
 * The context window: what a conversation does once it outgrows the model's window
 * (`context_policy`: 'recent' or 'summary', NULL until the person chooses; src/shared/context.ts).
 *
 * Lossless: no row loses or changes anything it had. Every conversation's shown thread (the path
 * to its current leaf) becomes the remembered way down along that path, so what each
 * conversation shows is the same before and after; elsewhere nothing is remembered yet (NULL:
 * the newest child, as before). Written out here, not shared, since a migration never changes.
 */
export const branchesMigration: Migration = {
  version: 9,
  name: 'branches remembered, forks linked, context policy',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN shown_child_id TEXT;
      ALTER TABLE conversations ADD COLUMN forked_from_conversation_id TEXT;
      ALTER TABLE conversations ADD COLUMN forked_from_message_id TEXT;
      ALTER TABLE conversations ADD COLUMN context_policy TEXT;

      WITH RECURSIVE path (id, parent_id) AS (
        SELECT m.id, m.parent_id FROM conversations c JOIN messages m ON m.id = c.current_leaf_id
        UNION ALL
        SELECT m.id, m.parent_id FROM messages m JOIN path p ON m.id = p.parent_id
      )
      UPDATE messages SET shown_child_id = (SELECT p.id FROM path p WHERE p.parent_id = messages.id)
      WHERE id IN (SELECT parent_id FROM path WHERE parent_id IS NOT NULL);
    `);
  },
};
