import type { SqliteDatabase } from '../store/database';
import {
  conversationHash,
  localColumns,
  rowOf,
  sqlValueOf,
  type ConversationRecord,
  type MessageRecord,
  type Row,
} from './syncRecords';

/**
 * The history as sync sees it: whole rows, read and written by column name (the table's own
 * columns, asked of SQLite), so a column added by a later migration travels untouched and a
 * column this version does not have is left out rather than refused.
 */
export class LocalHistory {
  constructor(private readonly db: SqliteDatabase) {}

  /** Every live conversation (one in the trash counts as deleted here), with all its messages. */
  readAll(): Map<string, ConversationRecord> {
    const records = new Map<string, ConversationRecord>();
    const conversations = this.db
      .prepare('SELECT * FROM conversations WHERE deleted_at IS NULL')
      .all() as Record<string, unknown>[];
    for (const raw of conversations) {
      const id = String(raw.id);
      records.set(id, { id, row: rowOf(raw), messages: [] });
    }
    const messages = this.db.prepare('SELECT * FROM messages ORDER BY seq').iterate() as Iterable<
      Record<string, unknown>
    >;
    for (const raw of messages) {
      const record = records.get(String(raw.conversation_id));
      record?.messages.push({ id: String(raw.id), row: rowOf(raw) });
    }
    return records;
  }

  /** One live conversation with its messages, or null. */
  readOne(id: string): ConversationRecord | null {
    const raw = this.db
      .prepare('SELECT * FROM conversations WHERE id = ? AND deleted_at IS NULL')
      .get(id) as Record<string, unknown> | undefined;
    if (!raw) return null;
    const messages = this.db
      .prepare('SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq')
      .all(id) as Record<string, unknown>[];
    return {
      id,
      row: rowOf(raw),
      messages: messages.map((m) => ({ id: String(m.id), row: rowOf(m) })),
    };
  }

  /**
   * Puts conversations in as given and removes others, in one transaction. Each is first read
   * again: one changed here since the sync read it (an answer saved meanwhile) is left alone
   * for the next sync, and its id returned, so nothing written here in between is undone.
   */
  apply(changes: {
    put: ConversationRecord[];
    remove: string[];
    expected: (id: string) => string | null;
  }): Set<string> {
    const conversationColumns = this.columns('conversations');
    const messageColumns = this.columns('messages');
    const skipped = new Set<string>();
    const unchanged = (id: string) => {
      const now = this.readOne(id);
      const same = (now ? conversationHash(now) : null) === changes.expected(id);
      if (!same) skipped.add(id);
      return same;
    };
    this.db.transaction(() => {
      for (const id of changes.remove)
        if (unchanged(id)) this.db.prepare('DELETE FROM conversations WHERE id = ?').run(id);
      for (const record of changes.put) {
        if (!unchanged(record.id)) continue;
        this.upsert('conversations', conversationColumns, record.row);
        this.replaceMessages(record, messageColumns);
      }
    })();
    return skipped;
  }

  private replaceMessages(record: ConversationRecord, columns: Set<string>): void {
    const keep = new Set(record.messages.map((m) => m.id));
    const present = this.db
      .prepare('SELECT id FROM messages WHERE conversation_id = ?')
      .all(record.id) as { id: string }[];
    const remove = this.db.prepare('DELETE FROM messages WHERE id = ?');
    for (const { id } of present) if (!keep.has(id)) remove.run(id);
    for (const message of parentsFirst(record.messages))
      this.upsert('messages', columns, message.row);
  }

  /** INSERT … ON CONFLICT DO UPDATE, never REPLACE: a replace deletes first, cascading to rows that hang on it. */
  private upsert(table: string, columns: Set<string>, row: Row): void {
    const names = Object.keys(row).filter((c) => columns.has(c) && !localColumns.has(c));
    const quoted = names.map((c) => `"${c}"`);
    const updates = quoted.filter((c) => c !== '"id"').map((c) => `${c} = excluded.${c}`);
    const sql =
      `INSERT INTO ${table} (${quoted.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ` +
      `ON CONFLICT (id) DO ${updates.length ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`;
    this.db.prepare(sql).run(...names.map((c) => sqlValueOf(row[c]!)));
  }

  private columns(table: string): Set<string> {
    const info = this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    return new Set(info.map((column) => column.name));
  }
}

/** A message's parent goes in before it, so a foreign key on parent_id (if one comes) holds. */
function parentsFirst(messages: readonly MessageRecord[]): MessageRecord[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  const done = new Set<string>();
  const ordered: MessageRecord[] = [];
  const visit = (message: MessageRecord, depth: number) => {
    if (done.has(message.id) || depth > messages.length) return;
    const parent = byId.get(String(message.row.parent_id));
    if (parent) visit(parent, depth + 1);
    done.add(message.id);
    ordered.push(message);
  };
  const byTime = [...messages].sort(
    (a, b) => Number(a.row.created_at ?? 0) - Number(b.row.created_at ?? 0),
  );
  for (const message of byTime) visit(message, 0);
  return ordered;
}
