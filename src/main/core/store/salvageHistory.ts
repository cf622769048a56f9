import Database from 'better-sqlite3';
import { openDatabase, type OpenedDatabase } from './database';

/** The tables that hold the person's data, parents first; the search index rebuilds itself. */
const tables = ['conversations', 'messages', 'usage_ledger', 'rate_limits', 'exchanges'] as const;

/** Past the last row found, this many missing row ids in a row end a table whose end is unreadable. */
const GIVE_UP_AFTER_MISSES = 100_000;

export interface Salvage {
  opened: OpenedDatabase;
  /** Rows copied, per table; `rebuiltConversations`: conversations remade from their messages. */
  copied: Record<string, number>;
  /** Rows that sat on damaged pages. */
  lost: number;
}

/**
 * Copies every row that can still be read from a damaged history into a new one at `target`.
 * Rows are fetched one row id at a time, so a damaged page costs only its own rows, where a scan
 * (or an index over it) would stop at the first bad page. The new file gets today's schema; its
 * indexes and search index are rebuilt from the rows. Foreign keys are off: an answer whose
 * conversation was lost is still an answer someone may search for.
 */
export function salvageHistory(source: string, target: string, now: () => number): Salvage {
  const from = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // Without a readable schema there is nothing to salvage ("file is not a database"): say so.
    from.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    from.close();
    throw error;
  }
  const opened = openDatabase({ file: target, now });
  const to = opened.db;
  to.pragma('foreign_keys = OFF');
  const copied: Record<string, number> = {};
  let lost = 0;
  try {
    for (const table of tables) {
      const columns = sharedColumns(from, to, table);
      if (columns.length === 0) continue;
      const list = columns.map((c) => `"${c}"`).join(', ');
      const read = from.prepare(`SELECT ${list} FROM ${table} WHERE rowid = ?`).raw();
      const write = to.prepare(
        `INSERT INTO ${table} (rowid, ${list}) VALUES (?, ${columns.map(() => '?').join(', ')})`,
      );
      const last = lastRowId(from, table);
      let count = 0;
      to.transaction(() => {
        for (
          let rowid = 1, misses = 0;
          last === null ? misses < GIVE_UP_AFTER_MISSES : rowid <= last;
          rowid++
        ) {
          try {
            const row = read.get(rowid) as unknown[] | undefined;
            if (!row) {
              misses++;
              continue;
            }
            write.run(rowid, ...row);
            count++;
            misses = 0;
          } catch {
            lost++;
            misses = 0;
          }
        }
      })();
      copied[table] = count;
    }
    copied.rebuiltConversations = rebuildLostConversations(to);
    return { opened, copied, lost };
  } catch (error) {
    to.close();
    throw error;
  } finally {
    from.close();
  }
}

function sharedColumns(from: Database.Database, to: Database.Database, table: string): string[] {
  const names = (db: Database.Database) => {
    try {
      return (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
    } catch {
      return [];
    }
  };
  const source = new Set(names(from));
  return names(to).filter((name) => source.has(name));
}

function lastRowId(db: Database.Database, table: string): number | null {
  try {
    const row = db.prepare(`SELECT max(rowid) AS last FROM ${table}`).get() as {
      last: number | null;
    };
    return row.last ?? 0;
  } catch {
    return null;
  }
}

/**
 * Messages whose conversation row sat on a damaged page would be invisible: each such group gets
 * a conversation again, titled from its first question, its thread ending at its latest message.
 */
function rebuildLostConversations(db: Database.Database): number {
  return db
    .prepare(
      `INSERT INTO conversations (id, title, title_source, created_at, updated_at, current_leaf_id)
       SELECT m.conversation_id,
              'Recovered: ' || coalesce(
                (SELECT substr(replace(q.content, char(10), ' '), 1, 60) FROM messages q
                  WHERE q.conversation_id = m.conversation_id AND q.role = 'user' ORDER BY q.seq LIMIT 1),
                'conversation'),
              'provisional', min(m.created_at), max(m.updated_at),
              (SELECT l.id FROM messages l WHERE l.conversation_id = m.conversation_id ORDER BY l.seq DESC LIMIT 1)
         FROM messages m
        WHERE m.conversation_id NOT IN (SELECT id FROM conversations)
        GROUP BY m.conversation_id`,
    )
    .run().changes;
}
