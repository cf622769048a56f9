import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeStore } from '../../../src/main/core/knowledge/KnowledgeStore';
import { vectorExtensionPath } from '../../../src/main/core/knowledge/vectorExtension';
import { openDatabase, type OpenedDatabase } from '../../../src/main/core/store/database';
import { migrations } from '../../../src/main/core/store/migrations';

const opened: OpenedDatabase[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.db.open && o.db.close()));

function schema9File(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'switchboard-mig10-')), 'switchboard.db');
  const v9 = openDatabase({ file, migrations: migrations.slice(0, 9), now: () => 1 });
  v9.db
    .prepare(
      "INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c', 'T', 1, 1)",
    )
    .run();
  v9.db.close();
  return file;
}

describe('migration 10: knowledge bases', () => {
  it('adds the knowledge tables to a schema-9 history, losing nothing', () => {
    const o = openDatabase({
      file: schema9File(),
      migrations: migrations.slice(0, 10),
      now: () => 2,
    });
    opened.push(o);
    expect([o.fromVersion, o.toVersion]).toEqual([9, 10]);
    expect(o.backupFile).not.toBeNull();
    const tables = o.db
      .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'knowledge%' ORDER BY name")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'knowledge_chunks',
        'knowledge_chunks_fts',
        'knowledge_collections',
        'knowledge_documents',
      ]),
    );
    expect(o.db.prepare('SELECT title FROM conversations').get()).toEqual({ title: 'T' });
  });

  it('keeps words and vectors in step with chunks, and drops them with their document', () => {
    const o = openDatabase({ file: schema9File() });
    opened.push(o);
    const store = new KnowledgeStore(() => o.db);
    const c = store.create({ name: 'n', folder: '/f', profileId: 'p', model: 'm' });
    const embedding = Float32Array.from([1, 0, 0]);
    const doc = {
      path: 'a.md',
      name: 'a.md',
      size: 1,
      mtimeMs: 1,
      contentHash: 'h',
      problem: null,
    };
    store.write(c.id, { ...doc, chunks: [{ heading: null, text: 'zebra crossing', embedding }] });
    const fts =
      "SELECT COUNT(*) AS n FROM knowledge_chunks_fts WHERE knowledge_chunks_fts MATCH 'zebra'";
    expect(o.db.prepare(fts).get()).toEqual({ n: 1 });
    expect(store.vectors.tableFor(c.id, undefined)!.nearest(embedding, 5)).toHaveLength(1);
    // Vectors of another size are refused, not stored wrong.
    const wrong = { heading: null, text: 'x', embedding: Float32Array.from([1, 0]) };
    expect(() => store.write(c.id, { ...doc, path: 'b.md', chunks: [wrong] })).toThrow(/3/);
    store.removeDocument(c.id, 'a.md');
    expect(o.db.prepare(fts).get()).toEqual({ n: 0 });
    expect(store.vectors.tableFor(c.id, undefined)!.nearest(embedding, 5)).toHaveLength(0);
    store.remove(c.id);
    expect(
      o.db
        .prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name LIKE 'knowledge_vec_%'")
        .get(),
    ).toEqual({ n: 0 });
  });

  it('finds sqlite-vec outside the asar when packaged', () => {
    expect(
      vectorExtensionPath('/opt/App/resources/app.asar/node_modules/sqlite-vec-linux-x64/vec0.so'),
    ).toBe('/opt/App/resources/app.asar.unpacked/node_modules/sqlite-vec-linux-x64/vec0.so');
    expect(vectorExtensionPath('C:\\App\\resources\\app.asar\\node_modules\\x\\vec0.dll')).toBe(
      'C:\\App\\resources\\app.asar.unpacked\\node_modules\\x\\vec0.dll',
    );
    expect(vectorExtensionPath('/work/node_modules/sqlite-vec-linux-x64/vec0.so')).toBe(
      '/work/node_modules/sqlite-vec-linux-x64/vec0.so',
    );
  });
});
