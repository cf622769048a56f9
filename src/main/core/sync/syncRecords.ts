import { createHash } from 'node:crypto';

/** A column's value as it travels: SQLite's scalars, a BLOB as base64. */
export type CellValue = string | number | null | { $base64: string };
export type Row = Record<string, CellValue>;

/**
 * A message as it syncs: its row whole (every column but the local rowid), so parts JSON and any
 * column another version adds travel without this code knowing them.
 */
export interface MessageRecord {
  id: string;
  row: Row;
}

/** A conversation as it syncs: its row and all its messages (every branch). */
export interface ConversationRecord {
  id: string;
  row: Row;
  messages: MessageRecord[];
}

/** Columns that are this machine's own: never sent, never written from elsewhere. */
export const localColumns = new Set(['seq']);
/** A conversation's fields that move with every message: merged by time, never a conflict. */
export const volatileColumns = new Set(['updated_at', 'current_leaf_id']);

export function cellOf(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value)) return { $base64: value.toString('base64') };
  return String(value);
}

export function sqlValueOf(cell: CellValue): string | number | null | Buffer {
  return cell !== null && typeof cell === 'object' ? Buffer.from(cell.$base64, 'base64') : cell;
}

/** A row from SQLite as it travels: local columns dropped, values made JSON. */
export function rowOf(raw: Record<string, unknown>): Row {
  const row: Row = {};
  for (const [column, value] of Object.entries(raw))
    if (!localColumns.has(column)) row[column] = cellOf(value);
  return row;
}

/** JSON with sorted keys, so equal rows hash equal whatever the column order. */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

export function hashOf(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

/** A conversation's fields that say what it is (title, settings…), without the volatile ones. */
export function metaHash(row: Row): string {
  return hashOf(Object.fromEntries(Object.entries(row).filter(([k]) => !volatileColumns.has(k))));
}

export function conversationHash(record: ConversationRecord): string {
  const messages = [...record.messages].sort((a, b) => (a.id < b.id ? -1 : 1));
  return hashOf({ row: record.row, messages: messages.map((m) => m.row) });
}

/** What the last sync left on both sides, per conversation: the base of the next 3-way merge. */
export interface BaseEntry {
  hash: string;
  meta: string;
  messages: Record<string, string>;
}

export function baseEntryOf(record: ConversationRecord): BaseEntry {
  return {
    hash: conversationHash(record),
    meta: metaHash(record.row),
    messages: Object.fromEntries(record.messages.map((m) => [m.id, hashOf(m.row)])),
  };
}
