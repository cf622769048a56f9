import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../../src/main/core/store/database';
import { migrations } from '../../../src/main/core/store/migrations';
import { assembleStore } from '../../../src/main/core/store/Store';

const opened: OpenedDatabase[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.db.open && o.db.close()));

/**
 * A schema-8 history as regenerate and edit left it: q1 → (a1 → q2 → (a2, a2b), a1b), the shown
 * thread going through the older a1 and the older a2 (not the newest child at either fork).
 */
function schema8File(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'switchboard-mig9-')), 'switchboard.db');
  const v8 = openDatabase({ file, migrations: migrations.slice(0, 8), now: () => 1 });
  v8.db
    .prepare(
      "INSERT INTO conversations (id, title, created_at, updated_at, current_leaf_id) VALUES ('c', 'T', 1, 1, 'a2')",
    )
    .run();
  v8.db
    .prepare(
      "INSERT INTO conversations (id, title, created_at, updated_at, current_leaf_id) VALUES ('empty', 'E', 1, 1, NULL)",
    )
    .run();
  const insert = v8.db.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, parts, created_at, updated_at)
     VALUES (?, 'c', ?, ?, ?, 1, 1)`,
  );
  const text = (t: string) => JSON.stringify([{ type: 'text', text: t }]);
  insert.run('q1', null, 'user', text('first question'));
  insert.run('a1', 'q1', 'assistant', text('first answer'));
  insert.run('q2', 'a1', 'user', text('second question'));
  insert.run('a2', 'q2', 'assistant', text('older second answer'));
  insert.run('a2b', 'q2', 'assistant', text('newer second answer'));
  insert.run('a1b', 'q1', 'assistant', text('regenerated first answer'));
  v8.db.close();
  return file;
}

describe('migration 9 (branches remembered, forks linked)', () => {
  it('keeps every message and version, and remembers the shown thread as the way down', () => {
    const file = schema8File();
    const migrated = openDatabase({ file, migrations, now: () => 2 });
    opened.push(migrated);
    expect(migrated.fromVersion).toBe(8);
    expect(migrated.backupFile).not.toBeNull();
    const rows = migrated.db
      .prepare('SELECT id, parent_id, parts, shown_child_id FROM messages ORDER BY seq')
      .all();
    expect(rows).toEqual([
      {
        id: 'q1',
        parent_id: null,
        parts: expect.stringContaining('first question'),
        shown_child_id: 'a1',
      },
      {
        id: 'a1',
        parent_id: 'q1',
        parts: expect.stringContaining('first answer'),
        shown_child_id: 'q2',
      },
      { id: 'q2', parent_id: 'a1', parts: expect.stringContaining('second'), shown_child_id: 'a2' },
      { id: 'a2', parent_id: 'q2', parts: expect.stringContaining('older'), shown_child_id: null },
      { id: 'a2b', parent_id: 'q2', parts: expect.stringContaining('newer'), shown_child_id: null },
      {
        id: 'a1b',
        parent_id: 'q1',
        parts: expect.stringContaining('regenerated'),
        shown_child_id: null,
      },
    ]);
    const forks = migrated.db
      .prepare('SELECT forked_from_conversation_id, forked_from_message_id FROM conversations')
      .all();
    expect(forks).toEqual([
      { forked_from_conversation_id: null, forked_from_message_id: null },
      { forked_from_conversation_id: null, forked_from_message_id: null },
    ]);

    // The thread shown is unchanged, and a version switch and back finds the branch as it was
    // left: through a2, which the newest-child rule of schema 8 would have lost for a2b.
    const store = assembleStore(migrated, () => 3);
    const shown = (leaf: string | null) => store.messages.thread('c', leaf).map((m) => m.id);
    expect(shown('a2')).toEqual(['q1', 'a1', 'q2', 'a2']);
    expect(store.messages.versionIds('c', 'q1')).toEqual(['a1', 'a1b']);
    store.conversations.setCurrentLeaf('c', store.messages.leafFrom('c', 'a1b'));
    expect(store.conversations.get('c')?.currentLeafId).toBe('a1b');
    const back = store.messages.leafFrom('c', 'a1');
    expect(shown(back)).toEqual(['q1', 'a1', 'q2', 'a2']);
  });
});
