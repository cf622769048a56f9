import type Database from 'better-sqlite3';
import type { PageFile, SqlValue } from './sqlitePages';

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

/** What a row of one table looks like, from today's schema of the salvage's new file. */
interface TableShape {
  table: string;
  columns: ColumnInfo[];
  /** The INTEGER PRIMARY KEY column, stored as NULL in the record (its value is the rowid). */
  rowidAlias: number;
  /**
   * Fewest values a record of this table can have: up to the last NOT NULL column without a
   * default. Older rows may have fewer values than today's columns (columns added later by
   * ALTER TABLE, which must have a default or allow NULL), never fewer than this.
   */
  minValues: number;
}

/**
 * Rows from the file's table leaf pages, each matched to one known table by its shape (number of
 * values, the NULL of a rowid alias, each value's storage class against the column's type and
 * NOT NULL), then inserted into `to` unless a row with its rowid or unique id is already there
 * (SQLite's own reading comes first). The insert also holds each row to the table's CHECK and
 * NOT NULL constraints. A record that fits no table, or more than one, is left out.
 * Returns the rows added per table.
 */
export function recoverFromPages(
  pages: PageFile,
  to: Database.Database,
  tables: readonly string[],
): Record<string, number> {
  const shapes = tables.map((table) => shapeOf(to, table)).filter((s) => s !== null);
  const inserts = new Map<string, Map<number, Database.Statement>>();
  const added: Record<string, number> = {};
  to.transaction(() => {
    for (const record of pages.leafRecords()) {
      const fits = shapes.filter((shape) => fitsShape(record.values, shape));
      const shape = fits.length === 1 ? fits[0] : undefined;
      if (!shape) continue;
      const values = [...record.values];
      if (shape.rowidAlias >= 0) values[shape.rowidAlias] = record.rowid;
      const insert = insertFor(to, shape, values.length, inserts);
      try {
        const params = shape.rowidAlias >= 0 ? values : [record.rowid, ...values];
        added[shape.table] = (added[shape.table] ?? 0) + insert.run(...params).changes;
      } catch {
        // A value the table refuses (a type SQLite cannot bind is impossible here; kept safe).
      }
    }
  })();
  return added;
}

function shapeOf(db: Database.Database, table: string): TableShape | null {
  const columns = db.pragma(`table_info(${table})`) as ColumnInfo[];
  if (columns.length === 0) return null;
  const keys = columns.filter((c) => c.pk > 0);
  const key = keys.length === 1 ? keys[0] : undefined;
  const rowidAlias = key && key.type.toUpperCase() === 'INTEGER' ? columns.indexOf(key) : -1;
  let minValues = 0;
  columns.forEach((column, index) => {
    if (column.notnull && column.dflt_value === null) minValues = index + 1;
  });
  return { table, columns, rowidAlias, minValues };
}

function fitsShape(values: SqlValue[], shape: TableShape): boolean {
  if (values.length < shape.minValues || values.length > shape.columns.length) return false;
  return values.every((value, index) => {
    if (index === shape.rowidAlias) return value === null;
    const column = shape.columns[index];
    if (!column) return false;
    if (value === null) return !column.notnull;
    return fitsType(value, column.type.toUpperCase());
  });
}

/** The storage class SQLite keeps for a value of a column of this declared type. */
function fitsType(value: Exclude<SqlValue, null>, type: string): boolean {
  if (type.includes('INT')) return typeof value === 'bigint' || Number.isInteger(value);
  if (type.includes('CHAR') || type.includes('CLOB') || type.includes('TEXT'))
    return typeof value === 'string';
  if (type.includes('REAL') || type.includes('FLOA') || type.includes('DOUB'))
    return typeof value === 'number';
  return true;
}

function insertFor(
  db: Database.Database,
  shape: TableShape,
  count: number,
  cache: Map<string, Map<number, Database.Statement>>,
): Database.Statement {
  const byCount = cache.get(shape.table) ?? new Map<number, Database.Statement>();
  cache.set(shape.table, byCount);
  let insert = byCount.get(count);
  if (!insert) {
    const names = shape.columns.slice(0, count).map((c) => `"${c.name}"`);
    if (shape.rowidAlias < 0) names.unshift('rowid');
    insert = db.prepare(
      `INSERT OR IGNORE INTO ${shape.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    );
    byCount.set(count, insert);
  }
  return insert;
}
