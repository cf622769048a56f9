import Database from 'better-sqlite3';
import { openDatabase, type OpenedDatabase } from './database';
import { recoverFromPages } from './recoverFromPages';
import { openPages } from './sqlitePages';

/** The tables that hold the person's data, parents first; the search index rebuilds itself. */
const tables = ['conversations', 'messages', 'usage_ledger', 'rate_limits', 'exchanges'] as const;

/**
 * When a table's last row id cannot be read (its end sits on a damaged or missing page), this
 * many row ids in a row that give nothing end the table. Row ids are dense here (a deleted
 * conversation leaves a gap as long as its messages), so a real table never has such a gap.
 */
const GIVE_UP_AFTER_MISSES = 20_000;

export interface Salvage {
  opened: OpenedDatabase;
  /** Rows copied, per table; `rebuiltConversations`: conversations remade from their messages. */
  copied: Record<string, number>;
  /** Rows that sat on damaged pages, between rows that could be read. */
  lost: number;
  /** Tables whose end could not be read (a cut-off file): their newest rows may be missing too. */
  endUnreadable: string[];
  /** The file is shorter than its header says: it was cut off. */
  cutOff: boolean;
}

interface TableCopy {
  count: number;
  /** Row ids SQLite could not read, between rows it could. */
  failed: number[];
  endUnreadable: boolean;
}

/**
 * Copies every row that can still be read from a damaged history into a new one at `target`.
 * First through SQLite, one row id at a time, so a damaged page costs only its own rows where a
 * scan (or an index over it) would stop at the first bad page. Then straight from the file's
 * leaf pages (recoverFromPages), for the rows SQLite cannot reach because a page above them is
 * damaged or cut off, the schema's own pages included. The new file gets today's schema; its
 * indexes and search index are rebuilt from the rows. Foreign keys are off: an answer whose
 * conversation was lost is still an answer someone may search for.
 */
export function salvageHistory(source: string, target: string, now: () => number): Salvage {
  const from = openTolerant(source);
  const pages = openPages(source);
  let opened: OpenedDatabase | null = null;
  try {
    const readable = tables.filter((table) => columnsOf(from, table).length > 0);
    // Neither a known table nor a page of SQLite's format: nothing to salvage ("not a database").
    if (readable.length === 0 && !pages)
      throw new Error('no table of the history could be found in it');
    opened = openDatabase({ file: target, now });
    const to = opened.db;
    to.pragma('foreign_keys = OFF');
    const copied: Record<string, number> = {};
    const endUnreadable: string[] = [];
    const failed = new Map<string, number[]>();
    for (const table of readable) {
      const result = copyTable(from, to, table);
      if (!result) continue;
      copied[table] = result.count;
      failed.set(table, result.failed);
      if (result.endUnreadable) endUnreadable.push(table);
    }
    const fromPages = pages ? recoverFromPages(pages, to, tables) : {};
    for (const [table, count] of Object.entries(fromPages))
      copied[table] = (copied[table] ?? 0) + count;
    if (Object.values(copied).every((count) => count === 0) && readable.length === 0)
      throw new Error('no row of the history could be found in it');
    copied.rebuiltConversations = rebuildLostConversations(to);
    const lost = [...failed].reduce(
      (sum, [table, rowids]) => sum + missingRows(to, table, rowids),
      0,
    );
    const cutOff = pages ? pages.shape.headerPages > pages.shape.pages : false;
    return { opened, copied, lost, endUnreadable, cutOff };
  } catch (error) {
    opened?.db.close();
    throw error;
  } finally {
    from.close();
    pages?.close();
  }
}

/** How many of `rowids` (rows SQLite could not read) the pages did not give back either. */
function missingRows(db: Database.Database, table: string, rowids: number[]): number {
  const has = db.prepare(`SELECT 1 FROM ${table} WHERE rowid = ?`).pluck();
  return rowids.filter((rowid) => has.get(rowid) === undefined).length;
}

/**
 * The damaged file, opened to read as much as SQLite allows. `writable_schema` (which needs
 * better-sqlite3's defensive mode off) lets SQLite use a schema it could only partly read, and
 * open a file shorter than its header says (a cut-off copy), where it would otherwise refuse
 * every query; `cell_size_check` makes it check each cell against its page before trusting it.
 * The connection is read-only, so neither setting can change the file.
 */
function openTolerant(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.pragma('cell_size_check = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** One table, row id by row id; null when it has no column in common with today's schema. */
function copyTable(
  from: Database.Database,
  to: Database.Database,
  table: string,
): TableCopy | null {
  const source = new Set(columnsOf(from, table));
  const columns = columnsOf(to, table).filter(
    (name) => source.has(name) || formerColumn(table, name, source) !== null,
  );
  if (columns.length === 0) return null;
  const list = columns.map((c) => `"${c}"`).join(', ');
  const reads = columns.map((c) => (source.has(c) ? `"${c}"` : formerColumn(table, c, source)));
  const read = from.prepare(`SELECT ${reads.join(', ')} FROM ${table} WHERE rowid = ?`).raw();
  const write = to.prepare(
    `INSERT INTO ${table} (rowid, ${list}) VALUES (?, ${columns.map(() => '?').join(', ')})`,
  );
  const last = lastRowId(from, table);
  const result: TableCopy = { count: 0, failed: [], endUnreadable: false };
  // Past the last row read: failures count as lost only once a later row turns up.
  let failedSinceRow: number[] = [];
  let emptySinceRow = 0;
  to.transaction(() => {
    for (
      let rowid = 1;
      last === null ? failedSinceRow.length + emptySinceRow < GIVE_UP_AFTER_MISSES : rowid <= last;
      rowid++
    ) {
      let row: unknown[] | undefined;
      try {
        row = read.get(rowid) as unknown[] | undefined;
      } catch {
        failedSinceRow.push(rowid);
        continue;
      }
      if (!row) {
        emptySinceRow++;
        continue;
      }
      try {
        write.run(rowid, ...row);
      } catch {
        // A row the new file's constraints refuse was read from a damaged page: not a row.
        failedSinceRow.push(rowid);
        continue;
      }
      result.count++;
      result.failed.push(...failedSinceRow);
      failedSinceRow = [];
      emptySinceRow = 0;
    }
  })();
  if (last !== null) result.failed.push(...failedSinceRow);
  else result.endUnreadable = failedSinceRow.length > 0;
  return result;
}

/**
 * How a file made before a column replaced others gives that column: a message's parts from the
 * text fields schemas before 6 kept (as migration 6 converts them). Null when it cannot.
 */
function formerColumn(table: string, column: string, source: Set<string>): string | null {
  if (table !== 'messages' || column !== 'parts' || !source.has('content')) return null;
  const part = (type: string, field: string) =>
    source.has(field)
      ? `iif("${field}" <> '', json_object('type', '${type}', 'text', "${field}") || ',', '')`
      : `''`;
  const parts = [
    part('reasoning', 'reasoning'),
    part('text', 'content'),
    part('refusal', 'refusal'),
  ];
  return `'[' || rtrim(${parts.join(' || ')}, ',') || ']'`;
}

function columnsOf(db: Database.Database, table: string): string[] {
  try {
    return (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
  } catch {
    return [];
  }
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
                (SELECT substr(replace(s.content, char(10), ' '), 1, 60)
                   FROM messages q JOIN messages_search s ON s.seq = q.seq
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
