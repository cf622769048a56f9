/**
 * The page-level reader against real SQLite files: what it decodes is what SQLite returns, free
 * pages stay out, and damaged or hostile pages give no row instead of an exception or a hang.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/core/store/database';
import { recoverFromPages } from '../../../src/main/core/store/recoverFromPages';
import { openPages, type PageFile } from '../../../src/main/core/store/sqlitePages';

const dir = () => mkdtempSync(join(tmpdir(), 'switchboard-pages-'));

function pagesOf(file: string): PageFile {
  const pages = openPages(file);
  if (!pages) throw new Error(`${file} was not read as a SQLite file`);
  return pages;
}

/** A small deterministic generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('decoding leaf pages', () => {
  it('gives back every value as SQLite stores it: integers of each width, reals, text, blobs, NULL, overflow chains', () => {
    const file = join(dir(), 'values.db');
    const db = new Database(file);
    db.defaultSafeIntegers(true);
    db.exec('CREATE TABLE t (a, b, c, d)');
    const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?)');
    const rows: unknown[][] = [
      [0n, 1n, -1n, 127n],
      [-128n, 32_767n, -8_388_608n, 2_147_483_647n],
      [-(2n ** 47n), 2n ** 62n, -(2n ** 63n), 9_007_199_254_740_993n],
      [1.5, -0.25, null, 'é ü 日本 🎉'],
      [Buffer.from([0, 1, 2, 255]), '', null, 'x'.repeat(70_000)],
    ];
    for (const row of rows) insert.run(...row);
    const expected = db.prepare('SELECT rowid, * FROM t ORDER BY rowid').raw().all() as unknown[][];
    db.close();

    const pages = pagesOf(file);
    const decoded = [...pages.leafRecords()].map((r) => [BigInt(r.rowid), ...r.values]);
    pages.close();
    const comparable = (value: unknown) =>
      typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : value;
    expect(decoded.map((row) => row.map(comparable))).toEqual(
      expected.map((row) => row.map(comparable)),
    );
  });

  it('leaves out pages on the freelist: deleted rows do not come back', () => {
    const file = join(dir(), 'freed.db');
    const db = new Database(file);
    db.pragma('secure_delete = OFF');
    db.exec('CREATE TABLE t (label TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 400; i++)
        insert.run(`${i < 200 ? 'kept' : 'deleted'} ${'x'.repeat(500)}`);
    })();
    db.exec('DELETE FROM t WHERE rowid > 200');
    const freelist = db.pragma('freelist_count', { simple: true }) as number;
    db.close();
    expect(freelist).toBeGreaterThan(10);
    // The deleted text is still in the file: only the freelist says it is stale.
    expect(readFileSync(file).includes('deleted xxx')).toBe(true);

    const pages = pagesOf(file);
    const labels = [...pages.leafRecords()].map((r) => String(r.values[0]).split(' ')[0]);
    pages.close();
    expect(labels).toHaveLength(200);
    expect(new Set(labels)).toEqual(new Set(['kept']));
  });

  it('refuses files that are not SQLite, or not in UTF-8', () => {
    const folder = dir();
    writeFileSync(
      join(folder, 'text.db'),
      'Not SQLite at all, but long enough to have a header. '.repeat(4),
    );
    expect(openPages(join(folder, 'text.db'))).toBeNull();
    writeFileSync(join(folder, 'empty.db'), '');
    expect(openPages(join(folder, 'empty.db'))).toBeNull();
    const utf16 = new Database(join(folder, 'utf16.db'));
    utf16.pragma("encoding = 'UTF-16le'");
    utf16.exec("CREATE TABLE t (a); INSERT INTO t VALUES ('x')");
    utf16.close();
    expect(openPages(join(folder, 'utf16.db'))).toBeNull();
  });
});

describe('hostile and damaged pages', () => {
  let sampleBytes: Buffer | null = null;
  /** A fresh file of 40 rows, some with overflow chains of one or more pages. */
  function sample(): { file: string; size: number } {
    const file = join(dir(), 'sample.db');
    if (!sampleBytes) {
      const db = new Database(file);
      db.exec('CREATE TABLE t (n INTEGER, body TEXT)');
      const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
      db.transaction(() => {
        for (let i = 0; i < 40; i++) insert.run(i, `${i} `.repeat(i % 5 === 0 ? 3000 : 200));
      })();
      db.close();
      sampleBytes = readFileSync(file);
    }
    writeFileSync(file, sampleBytes);
    return { file, size: sampleBytes.length };
  }

  it('random bytes over random places never throw or hang, and give only well-formed records', () => {
    // Bounded: 60 damaged copies, each read once.
    const next = random(7);
    let decoded = 0;
    for (let round = 0; round < 60; round++) {
      const { file, size } = sample();
      const fd = openSync(file, 'r+');
      const writes = 1 + Math.floor(next() * 40);
      for (let i = 0; i < writes; i++) {
        const length = 1 + Math.floor(next() * 64);
        const bytes = Buffer.from(Array.from({ length }, () => Math.floor(next() * 256)));
        // Past the 100-byte header: a damaged header is refused as a whole (tested above).
        writeSync(fd, bytes, 0, length, 100 + Math.floor(next() * (size - 164)));
      }
      closeSync(fd);
      const pages = openPages(file);
      const records = pages ? [...pages.leafRecords()] : [];
      pages?.close();
      decoded += records.length;
      for (const record of records) expect(Array.isArray(record.values)).toBe(true);
    }
    // Small damage costs a few rows, not the file: most of the 60 × 40 rows still decode.
    expect(decoded).toBeGreaterThan(60 * 20);
  });

  it('an overflow chain that points to itself ends, and its row is left out', () => {
    const { file } = sample();
    const pages = pagesOf(file);
    const pageSize = pages.shape.pageSize;
    pages.close();
    const bytes = readFileSync(file);
    // Every overflow page's "next" pointer made to point at itself.
    let looped = 0;
    for (let page = 2; page <= bytes.length / pageSize; page++) {
      const at = (page - 1) * pageSize;
      const next = bytes.readUInt32BE(at);
      if (bytes[at] === 0 && next > 1 && next <= bytes.length / pageSize) {
        bytes.writeUInt32BE(page, at);
        looped++;
      }
    }
    writeFileSync(file, bytes);
    expect(looped).toBeGreaterThan(0);
    const reread = pagesOf(file);
    const rows = [...reread.leafRecords()];
    reread.close();
    // The six rows of 9,000 characters had two-page chains, now loops; the rest are whole.
    expect(rows).toHaveLength(34);
    expect(rows.every((r) => String(r.values[1]).length <= 6000)).toBe(true);
  });
});

/** A message's parts column holding one text part. */
const textPart = (text: string) => JSON.stringify([{ type: 'text', text }]);

describe('matching records to the history tables', () => {
  it('puts each row of an intact history back in its own table, and nothing from other b-trees (search index, schema)', () => {
    const folder = dir();
    const sourceFile = join(folder, 'source.db');
    const source = openDatabase({ file: sourceFile });
    source.db.exec(`
      INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'First', 1, 2), ('c2', 'Second', 3, 4);
      INSERT INTO messages (id, conversation_id, role, parts, created_at, updated_at)
        VALUES ('m1', 'c1', 'user', '${textPart('hello')}', 1, 1),
               ('m2', 'c1', 'assistant', '${textPart('hi there')}', 2, 2),
               ('m3', 'c2', 'user', '${textPart('long '.repeat(2000))}', 3, 3);
      INSERT INTO usage_ledger (created_at, kind, outcome, input_tokens) VALUES (5, 'chat', 'stop', 12);
      INSERT INTO rate_limits (profile_id, observed_at, info) VALUES ('p', 6, '{}');
      INSERT INTO exchanges (message_id, created_at, provider, model, stream, size_bytes, attempts)
        VALUES ('m2', 7, 'openai', 'gpt', 1, 10, '[]');
    `);
    source.db.pragma('wal_checkpoint(TRUNCATE)');
    source.db.close();
    const target = openDatabase({ file: join(folder, 'target.db') });
    const pages = pagesOf(sourceFile);
    const added = recoverFromPages(pages, target.db, [
      'conversations',
      'messages',
      'usage_ledger',
      'rate_limits',
      'exchanges',
    ]);
    pages.close();
    expect(added).toEqual({
      conversations: 2,
      messages: 3,
      usage_ledger: 1,
      rate_limits: 1,
      exchanges: 1,
    });
    const messages = target.db
      .prepare('SELECT seq, id, role, parts FROM messages ORDER BY seq')
      .all() as { id: string; parts: string }[];
    expect(messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    expect(messages[2]?.parts).toBe(textPart('long '.repeat(2000)));
    // The search index is rebuilt from the rows, not copied.
    expect(
      target.db
        .prepare("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'hello'")
        .pluck()
        .get(),
    ).toBe(1);
    target.db.close();
  });
});
