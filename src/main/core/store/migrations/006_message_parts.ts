import type { Migration } from './types';

/**
 * A message's content becomes its parts (src/shared/messageParts.ts): one JSON array in a
 * `parts` column in place of the `content`, `reasoning` and `refusal` columns.
 *
 * Why a JSON column and not a `message_parts` table: a message's parts are always read and
 * written whole, with the message (a thread, an export, an answer's end), so a table would add
 * a join to every thread and several writes to every save; the mid-stream save stays one
 * UPDATE of one row; the order is the array's; and a new kind of part needs no migration.
 * Nothing queries a part apart from its message, except search, which SQLite's JSON functions
 * reach from the triggers below. (Large payloads, images and files, belong in their own table,
 * a part holding only a reference to them.)
 *
 * Search: the FTS index was an external-content table over `messages.content`. It now reads
 * the text parts of each message through the `messages_search` view, and the triggers index
 * the same text, so a search finds and highlights what the answer says, as before. The index
 * is filled again once here (its content table changed), by the triggers' own expression: FTS5's
 * 'rebuild' and 'integrity-check' cannot read a view that uses json_each, so neither is used on
 * this table. Its options are those of migration 1.
 *
 * Lossless: each old field becomes one part of its kind, thinking first, then the answer, then
 * a refusal (the order they were shown in); an empty field gives no part. The conversion is
 * written out here, not shared, since a migration never changes after release.
 */
const SEARCH_TEXT = (parts: string) =>
  `coalesce((SELECT group_concat(json_extract(p.value, '$.text'), '') FROM json_each(${parts}) p
     WHERE json_extract(p.value, '$.type') = 'text'), '')`;

export const messagePartsMigration: Migration = {
  version: 6,
  name: 'message parts',
  up(db) {
    db.exec(`
      DROP TRIGGER messages_fts_insert;
      DROP TRIGGER messages_fts_delete;
      DROP TRIGGER messages_fts_update;
      DROP TABLE messages_fts;
      ALTER TABLE messages ADD COLUMN parts TEXT NOT NULL DEFAULT '[]';
    `);
    // In SQL, one pass with no row held in memory: json_object escapes the text as JSON does.
    db.exec(`
      UPDATE messages SET parts = '[' || rtrim(
          iif(reasoning <> '', json_object('type', 'reasoning', 'text', reasoning) || ',', '') ||
          iif(content <> '', json_object('type', 'text', 'text', content) || ',', '') ||
          iif(refusal <> '', json_object('type', 'refusal', 'text', refusal) || ',', ''),
        ',') || ']'
      WHERE content <> '' OR reasoning <> '' OR refusal <> '';
    `);
    db.exec(`
      ALTER TABLE messages DROP COLUMN content;
      ALTER TABLE messages DROP COLUMN reasoning;
      ALTER TABLE messages DROP COLUMN refusal;

      -- What search indexes and shows of a message: its text parts, joined.
      CREATE VIEW messages_search (seq, content) AS
        SELECT seq, ${SEARCH_TEXT('parts')} FROM messages;
      CREATE VIRTUAL TABLE messages_fts USING fts5 (
        content, content = 'messages_search', content_rowid = 'seq',
        prefix = '2 3 4',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts (rowid, content) VALUES (new.seq, ${SEARCH_TEXT('new.parts')});
      END;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, content)
          VALUES ('delete', old.seq, ${SEARCH_TEXT('old.parts')});
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF parts ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, content)
          VALUES ('delete', old.seq, ${SEARCH_TEXT('old.parts')});
        INSERT INTO messages_fts (rowid, content) VALUES (new.seq, ${SEARCH_TEXT('new.parts')});
      END;
      INSERT INTO messages_fts (rowid, content) SELECT seq, ${SEARCH_TEXT('parts')} FROM messages;
    `);
  },
};
