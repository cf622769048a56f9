import type { Migration } from './types';

/**
 * Conversations and messages as a tree (parent_id): siblings are versions, so regenerate and
 * edit keep every earlier answer. Messages have an integer rowid (seq) so FTS5 can index them as
 * an external-content table, kept in sync by triggers instead of by application code.
 */
export const conversationsMigration: Migration = {
  version: 1,
  name: 'conversations, messages, full-text search',
  up(db) {
    db.exec(`
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        -- provisional (from the first message), auto (model-made), user, import
        title_source TEXT NOT NULL DEFAULT 'provisional',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        pinned INTEGER NOT NULL DEFAULT 0,
        deleted_at INTEGER,
        profile_id TEXT,
        model TEXT,
        system_prompt TEXT,
        parameters TEXT NOT NULL DEFAULT '{}',
        current_leaf_id TEXT
      );
      -- The sidebar's order, restricted to live rows: its first page is an index range scan.
      CREATE INDEX conversations_sidebar
        ON conversations (pinned DESC, updated_at DESC, id DESC) WHERE deleted_at IS NULL;
      CREATE INDEX conversations_deleted ON conversations (deleted_at) WHERE deleted_at IS NOT NULL;

      CREATE TABLE messages (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        parent_id TEXT,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
        content TEXT NOT NULL DEFAULT '',
        reasoning TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'done' CHECK (status IN ('streaming', 'done')),
        profile_id TEXT,
        model TEXT,
        parameters TEXT,
        finish_reason TEXT,
        provider_finish_reason TEXT,
        provider_message_id TEXT,
        usage TEXT,
        ttft_ms REAL,
        total_ms REAL,
        error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX messages_conversation ON messages (conversation_id, seq);
      -- Children of a message (its versions' place) within one conversation, roots included.
      CREATE INDEX messages_children ON messages (conversation_id, parent_id, seq);
      -- Found at start, a streaming message was cut by a crash: this keeps finding them cheap.
      CREATE INDEX messages_streaming ON messages (status) WHERE status = 'streaming';

      -- Prefix indexes for 2-4 characters make search-as-you-type a plain lookup instead of a
      -- merge of every matching term's list (100 ms → 0.3 ms at 1M messages, for +30% file size).
      CREATE VIRTUAL TABLE messages_fts USING fts5 (
        content, content = 'messages', content_rowid = 'seq',
        prefix = '2 3 4',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts (rowid, content) VALUES (new.seq, new.content);
      END;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.seq, old.content);
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.seq, old.content);
        INSERT INTO messages_fts (rowid, content) VALUES (new.seq, new.content);
      END;
    `);
  },
};
