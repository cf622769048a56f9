import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeStore } from '../../../src/main/core/knowledge/KnowledgeStore';
import { openDatabase, type OpenedDatabase } from '../../../src/main/core/store/database';
import { migrations } from '../../../src/main/core/store/migrations';

const opened: OpenedDatabase[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.db.open && o.db.close()));

/** A schema-10 history with one knowledge collection in it. */
function schema10File(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'switchboard-mig11-')), 'switchboard.db');
  const v10 = openDatabase({ file, migrations: migrations.slice(0, 10), now: () => 1 });
  new KnowledgeStore(
    () => v10.db,
    () => 1,
  ).create({
    ...{ name: 'Notes', folder: '/notes', profileId: 'p', model: 'm' },
  });
  v10.db.close();
  return file;
}

describe('migration 11: a knowledge pass interrupted', () => {
  it('adds the pass mark to a schema-10 history, no collection marked, nothing lost', () => {
    const o = openDatabase({ file: schema10File(), now: () => 2 });
    opened.push(o);
    expect([o.fromVersion, o.toVersion]).toEqual([10, 11]);
    const store = new KnowledgeStore(
      () => o.db,
      () => 5,
    );
    expect(store.list()).toMatchObject([{ name: 'Notes', folder: '/notes', indexedAt: null }]);
    expect(store.interrupted()).toEqual([]);
  });

  it('lists a collection while its pass is marked, and not once it ended', () => {
    const o = openDatabase({ file: schema10File() });
    opened.push(o);
    const store = new KnowledgeStore(() => o.db);
    const [notes] = store.list();
    const other = store.create({ name: 'Other', folder: '/o', profileId: 'p', model: 'm' });
    store.markPass(notes!.id, true);
    store.markPass(other.id, true);
    expect(store.interrupted().sort()).toEqual([notes!.id, other.id].sort());
    store.markPass(notes!.id, false);
    expect(store.interrupted()).toEqual([other.id]);
  });
});
