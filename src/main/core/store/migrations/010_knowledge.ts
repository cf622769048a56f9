import type { Migration } from './types';

/**
 * Knowledge bases (issue 20): collections of the person's documents, indexed locally.
 * - `knowledge_collections`: a folder, the embeddings profile and model that index it, and the
 *   vectors' dimension once the first embedding came back (NULL until then).
 * - `knowledge_documents`: one file of a collection by its path inside the folder, with the
 *   SHA-256 of its bytes and its mtime, so a re-index reads only what changed.
 * - `knowledge_chunks`: the passages, in order; `knowledge_chunks_fts` (FTS5, external content)
 *   matches their words, kept in step by triggers; `knowledge_chunks_terms` (fts5vocab) says in
 *   how many passages each word is, so a search can leave out words nearly every passage has.
 * The vectors live in one sqlite-vec `vec0` table per collection (`knowledge_vec_<rowid>`,
 * knowledge/KnowledgeStore.ts), made when the dimension is known: vec0 fixes the dimension when
 * a table is made, and two collections may use models of different sizes.
 */
export const knowledgeMigration: Migration = {
  version: 10,
  name: 'knowledge bases',
  up(db) {
    db.exec(`
      CREATE TABLE knowledge_collections (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        folder TEXT NOT NULL,
        profile_id TEXT NOT NULL,
        model TEXT NOT NULL,
        dimensions INTEGER,
        created_at INTEGER NOT NULL,
        indexed_at INTEGER
      );
      CREATE TABLE knowledge_documents (
        id INTEGER PRIMARY KEY,
        collection_id TEXT NOT NULL REFERENCES knowledge_collections(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        name TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        chunk_count INTEGER NOT NULL DEFAULT 0,
        problem TEXT,
        indexed_at INTEGER NOT NULL,
        UNIQUE (collection_id, path)
      );
      CREATE TABLE knowledge_chunks (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES knowledge_documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        heading TEXT,
        text TEXT NOT NULL
      );
      CREATE INDEX knowledge_chunks_document ON knowledge_chunks (document_id, seq);
      CREATE VIRTUAL TABLE knowledge_chunks_fts USING fts5(
        text, content = 'knowledge_chunks', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE VIRTUAL TABLE knowledge_chunks_terms USING fts5vocab(knowledge_chunks_fts, 'row');
      CREATE TRIGGER knowledge_chunks_ai AFTER INSERT ON knowledge_chunks BEGIN
        INSERT INTO knowledge_chunks_fts (rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER knowledge_chunks_ad AFTER DELETE ON knowledge_chunks BEGIN
        INSERT INTO knowledge_chunks_fts (knowledge_chunks_fts, rowid, text)
        VALUES ('delete', old.id, old.text);
      END;
    `);
  },
};
