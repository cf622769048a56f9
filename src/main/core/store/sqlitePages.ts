import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Reads the rows of a SQLite file straight from its table b-tree leaf pages, without the pages
 * above them: what SQLite's own `.recover` does, for files SQLite can no longer walk (cut off, a
 * damaged interior or schema page). better-sqlite3 is built without the `sqlite_dbpage` table and
 * the recover extension, so this follows the file format (https://sqlite.org/fileformat2.html)
 * directly. Every offset read from the file is checked against the page first: a hostile or
 * random page yields no row, never an exception or a loop.
 */

export type SqlValue = null | number | bigint | string | Buffer;

export interface LeafRecord {
  page: number;
  rowid: number | bigint;
  values: SqlValue[];
}

export interface FileShape {
  pageSize: number;
  /** Whole pages present in the file. */
  pages: number;
  /** Pages the header says the database has (0 when the header's count is not valid). */
  headerPages: number;
  /** Pages the freelist names (as far as its trunk pages could be read): stale contents. */
  freePages: Set<number>;
}

const TABLE_LEAF = 0x0d;
const HEADER_MAGIC = 'SQLite format 3\u0000';
/** The largest record SQLite itself accepts (SQLITE_MAX_LENGTH's ceiling). */
const MAX_PAYLOAD = 2 ** 31 - 1;

/** Opens `file` for page reads; null when it is not a SQLite file or not in UTF-8. */
export function openPages(file: string): PageFile | null {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(100);
    if (readSync(fd, header, 0, 100, 0) < 100) throw new Error('short');
    if (header.toString('latin1', 0, 16) !== HEADER_MAGIC) throw new Error('magic');
    const rawSize = header.readUInt16BE(16);
    const pageSize = rawSize === 1 ? 65_536 : rawSize;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) throw new Error('page size');
    // Only UTF-8 (1): the app never writes another encoding.
    if (header.readUInt32BE(56) !== 1) throw new Error('encoding');
    const usable = pageSize - header.readUInt8(20);
    if (usable < 480) throw new Error('reserved');
    return new PageFile(fd, header, pageSize, usable);
  } catch {
    closeSync(fd);
    return null;
  }
}

/**
 * The length of `file`'s whole pages: a file cut mid-page ends in a page SQLite would read with
 * zeros past the cut, as if they were data. Null when it is not a SQLite file.
 */
export function wholePagesLength(file: string): number | null {
  const pages = openPages(file);
  if (!pages) return null;
  pages.close();
  return pages.shape.pages * pages.shape.pageSize;
}

export class PageFile {
  readonly shape: FileShape;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(
    private readonly fd: number,
    header: Buffer,
    private readonly pageSize: number,
    private readonly usable: number,
  ) {
    const pages = Math.floor(fstatSync(fd).size / pageSize);
    // The header's size counts only when "version-valid-for" matches the change counter.
    const headerPages =
      header.readUInt32BE(92) === header.readUInt32BE(24) ? header.readUInt32BE(28) : 0;
    this.shape = { pageSize, pages, headerPages, freePages: new Set() };
    this.shape.freePages = this.readFreelist(header.readUInt32BE(32), header.readUInt32BE(36));
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Every cell of every table leaf page that is not free, in page order. */
  *leafRecords(): Generator<LeafRecord> {
    for (let page = 2; page <= this.shape.pages; page++) {
      if (this.shape.freePages.has(page)) continue;
      const data = this.page(page);
      if (!data || data[0] !== TABLE_LEAF) continue;
      yield* this.cellsOf(page, data);
    }
  }

  private page(number: number): Buffer | null {
    if (number < 1 || number > this.shape.pages) return null;
    const buffer = Buffer.alloc(this.pageSize);
    const read = readSync(this.fd, buffer, 0, this.pageSize, (number - 1) * this.pageSize);
    return read === this.pageSize ? buffer : null;
  }

  private readFreelist(firstTrunk: number, count: number): Set<number> {
    const free = new Set<number>();
    // Bounded by the file: a trunk chain longer than the file has pages is a loop.
    for (let trunk = firstTrunk; trunk > 0 && free.size <= this.shape.pages;) {
      if (free.has(trunk)) break;
      const data = this.page(trunk);
      if (!data) break;
      free.add(trunk);
      const leaves = Math.min(data.readUInt32BE(4), (this.usable - 8) / 4, count);
      for (let i = 0; i < leaves; i++) free.add(data.readUInt32BE(8 + i * 4));
      trunk = data.readUInt32BE(0);
    }
    return free;
  }

  private *cellsOf(page: number, data: Buffer): Generator<LeafRecord> {
    const headerAt = page === 1 ? 100 : 0;
    const cells = data.readUInt16BE(headerAt + 3);
    const pointers = headerAt + 8;
    if (pointers + cells * 2 > this.usable) return;
    for (let i = 0; i < cells; i++) {
      const offset = data.readUInt16BE(pointers + i * 2);
      if (offset < pointers + cells * 2 || offset >= this.usable) continue;
      const record = this.cell(page, data, offset);
      if (record) yield record;
    }
  }

  private cell(page: number, data: Buffer, offset: number): LeafRecord | null {
    const size = readVarint(data, offset, this.usable);
    if (!size || size.value > MAX_PAYLOAD) return null;
    const rowid = readVarint(data, size.next, this.usable);
    if (!rowid) return null;
    const payload = this.payload(data, rowid.next, Number(size.value));
    if (!payload) return null;
    const values = this.decodeRecord(payload);
    return values ? { page, rowid: narrow(toSigned(rowid.value)), values } : null;
  }

  /** The cell's payload: its part on the leaf page, then its overflow chain, if any. */
  private payload(data: Buffer, start: number, size: number): Buffer | null {
    const maxLocal = this.usable - 35;
    const minLocal = Math.floor(((this.usable - 12) * 32) / 255) - 23;
    let local = size;
    if (size > maxLocal) {
      const k = minLocal + ((size - minLocal) % (this.usable - 4));
      local = k <= maxLocal ? k : minLocal;
    }
    if (start + local > this.usable) return null;
    if (local === size) return data.subarray(start, start + size);
    if (start + local + 4 > this.usable) return null;
    const parts = [data.subarray(start, start + local)];
    let remaining = size - local;
    let next = data.readUInt32BE(start + local);
    // A page met twice is a loop, and a chain must end (next page 0) exactly where the payload
    // does: anything else is a damaged chain, whose row would be made of the wrong bytes.
    const seen = new Set<number>();
    while (remaining > 0) {
      if (seen.has(next)) return null;
      seen.add(next);
      const overflow = this.page(next);
      if (!overflow) return null;
      const take = Math.min(remaining, this.usable - 4);
      parts.push(overflow.subarray(4, 4 + take));
      remaining -= take;
      next = overflow.readUInt32BE(0);
    }
    if (next !== 0) return null;
    return Buffer.concat(parts);
  }

  /** A record's values (https://sqlite.org/fileformat2.html#record_format); null when malformed. */
  private decodeRecord(payload: Buffer): SqlValue[] | null {
    const headerSize = readVarint(payload, 0, payload.length);
    if (!headerSize || headerSize.value > payload.length) return null;
    const end = Number(headerSize.value);
    const types: number[] = [];
    for (let at = headerSize.next; at < end;) {
      const type = readVarint(payload, at, end);
      if (!type || type.value > MAX_PAYLOAD * 2 + 13) return null;
      types.push(Number(type.value));
      at = type.next;
    }
    const values: SqlValue[] = [];
    let at = end;
    for (const type of types) {
      const length = serialLength(type);
      if (length === null || at + length > payload.length) return null;
      const value = this.decodeValue(type, payload.subarray(at, at + length));
      if (value === undefined) return null;
      values.push(value);
      at += length;
    }
    return at === payload.length ? values : null;
  }

  private decodeValue(type: number, bytes: Buffer): SqlValue | undefined {
    if (type === 0) return null;
    if (type >= 1 && type <= 6) return narrow(signedBytes(bytes));
    if (type === 7) return bytes.readDoubleBE(0);
    if (type === 8) return 0;
    if (type === 9) return 1;
    if (type % 2 === 0) return Buffer.from(bytes);
    try {
      return this.decoder.decode(bytes);
    } catch {
      return undefined;
    }
  }
}

/** A big-endian two's-complement integer of 1–8 bytes. */
function signedBytes(bytes: Buffer): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  const bits = BigInt(bytes.length * 8);
  return value >= 1n << (bits - 1n) ? value - (1n << bits) : value;
}

function narrow(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value;
}

function toSigned(value: bigint): bigint {
  return value >= 1n << 63n ? value - (1n << 64n) : value;
}

/** Bytes a serial type takes in the record body; null for the reserved types 10 and 11. */
function serialLength(type: number): number | null {
  if (type <= 4) return type;
  if (type === 5) return 6;
  if (type === 6 || type === 7) return 8;
  if (type === 8 || type === 9) return 0;
  if (type === 10 || type === 11) return null;
  return type % 2 === 0 ? (type - 12) / 2 : (type - 13) / 2;
}

/** SQLite's varint: 1–9 bytes, big-endian, 7 bits a byte and all 8 of the ninth. */
function readVarint(
  data: Buffer,
  offset: number,
  limit: number,
): { value: bigint; next: number } | null {
  let value = 0n;
  for (let i = 0; i < 9; i++) {
    if (offset + i >= limit) return null;
    const byte = data.readUInt8(offset + i);
    if (i === 8) return { value: (value << 8n) | BigInt(byte), next: offset + 9 };
    value = (value << 7n) | BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) return { value, next: offset + i + 1 };
  }
  return null;
}
