import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  openDatabase,
  StoreOpenError,
  type OpenedDatabase,
} from '../../../src/main/core/store/database';
import { migrations } from '../../../src/main/core/store/migrations';
import { conversationsMigration } from '../../../src/main/core/store/migrations/001_conversations';

const opened: OpenedDatabase[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.db.open && o.db.close()));

function fileIn(): string {
  return join(mkdtempSync(join(tmpdir(), 'switchboard-mig-')), 'switchboard.db');
}
function open(file: string, list = migrations): OpenedDatabase {
  const result = openDatabase({ file, migrations: list, now: () => 42 });
  opened.push(result);
  return result;
}
function tables(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type IN ('table','trigger') ORDER BY name",
    )
    .all()
    .map((r) => r.name);
}

describe('migration 4 (exchanges)', () => {
  it('upgrades a version-2 file: exchanges are linked to messages and go with them', () => {
    const file = fileIn();
    open(file, migrations.slice(0, 2)).db.close();
    const { db, fromVersion } = open(file, migrations.slice(0, 4));
    expect(fromVersion).toBe(2);
    expect(tables(db)).toContain('exchanges');
    db.prepare("INSERT INTO conversations (id, created_at, updated_at) VALUES ('c', 1, 1)").run();
    db.prepare(
      "INSERT INTO messages (id, conversation_id, role, content, created_at, updated_at) VALUES ('m', 'c', 'assistant', 'a', 1, 1)",
    ).run();
    db.prepare(
      "INSERT INTO exchanges (message_id, created_at, provider, model, stream, size_bytes, attempts) VALUES ('m', 1, 'openai', 'x', 1, 2, '[]')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO exchanges (message_id, created_at, provider, model, stream, size_bytes, attempts) VALUES ('nope', 1, 'openai', 'x', 1, 2, '[]')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM conversations WHERE id = 'c'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM exchanges').get()).toEqual({ n: 0 });
  });
});

describe('migration 5 (message refusal)', () => {
  it('upgrades a version-4 file: earlier messages read as no refusal, new ones keep theirs', () => {
    const file = fileIn();
    const old = open(file, migrations.slice(0, 4)).db;
    old.prepare("INSERT INTO conversations (id, created_at, updated_at) VALUES ('c', 1, 1)").run();
    old
      .prepare(
        "INSERT INTO messages (id, conversation_id, role, content, created_at, updated_at) VALUES ('m', 'c', 'assistant', 'a', 1, 1)",
      )
      .run();
    old.close();
    const { db, fromVersion } = open(file, migrations.slice(0, 5));
    expect(fromVersion).toBe(4);
    expect(db.prepare("SELECT content, refusal FROM messages WHERE id = 'm'").get()).toEqual({
      content: 'a',
      refusal: '',
    });
    db.prepare("UPDATE messages SET refusal = 'I can’t help with that.' WHERE id = 'm'").run();
    expect(db.prepare("SELECT refusal FROM messages WHERE id = 'm'").get()).toEqual({
      refusal: 'I can’t help with that.',
    });
  });
});

describe('openDatabase', () => {
  it('creates a new file at the latest schema, in WAL mode with foreign keys and a busy timeout', () => {
    const { db, fromVersion, toVersion, backupFile } = open(fileIn());
    expect(fromVersion).toBe(0);
    expect(toVersion).toBe(migrations.length);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(backupFile).toBeNull();
  });

  it('migration 1 makes conversations, messages and an FTS index its triggers keep in sync', () => {
    const { db } = open(fileIn(), [conversationsMigration]);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'conversations',
        'messages',
        'messages_fts',
        'messages_fts_insert',
        'messages_fts_update',
        'messages_fts_delete',
      ]),
    );
    db.prepare("INSERT INTO conversations (id, created_at, updated_at) VALUES ('c', 1, 1)").run();
    db.prepare(
      "INSERT INTO messages (id, conversation_id, role, content, created_at, updated_at) VALUES ('m', 'c', 'user', 'hello zebra', 1, 1)",
    ).run();
    const count = (q: string) =>
      (
        db.prepare('SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH ?').get(q) as {
          n: number;
        }
      ).n;
    expect(count('zebra')).toBe(1);
    db.prepare("UPDATE messages SET content = 'hello giraffe' WHERE id = 'm'").run();
    expect([count('zebra'), count('giraffe')]).toEqual([0, 1]);
    // Deleting the conversation cascades to its messages and out of the index.
    db.prepare("DELETE FROM conversations WHERE id = 'c'").run();
    expect(count('giraffe')).toBe(0);
    expect(() =>
      db
        .prepare(
          "INSERT INTO messages (id, conversation_id, role, created_at, updated_at) VALUES ('x', 'nope', 'user', 1, 1)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('migration 2 adds a usage ledger with no tie to conversations (rows outlive them)', () => {
    const file = fileIn();
    const { db } = open(file);
    expect(tables(db)).toContain('usage_ledger');
    db.prepare("INSERT INTO conversations (id, created_at, updated_at) VALUES ('c', 1, 1)").run();
    db.prepare(
      "INSERT INTO usage_ledger (created_at, kind, conversation_id, outcome) VALUES (1, 'chat', 'c', 'stop')",
    ).run();
    db.prepare("DELETE FROM conversations WHERE id = 'c'").run();
    expect((db.prepare('SELECT count(*) AS n FROM usage_ledger').get() as { n: number }).n).toBe(1);
  });

  it('copies the file aside before migrating an older schema, then migrates it', () => {
    const file = fileIn();
    const first = open(file, [conversationsMigration]);
    first.db
      .prepare(
        "INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c', 'kept', 1, 1)",
      )
      .run();
    first.db.close();
    const second = open(file);
    expect(second.fromVersion).toBe(1);
    // Among the backups Settings › Data lists, named for its kind and the schema it holds.
    expect(second.backupFile).toBe(
      join(dirname(file), 'backups', 'switchboard-19700101T000000042Z-pre-migration-v1.db'),
    );
    const backup = new Database(second.backupFile!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT title FROM conversations').get()).toEqual({ title: 'kept' });
    backup.close();
    expect(second.db.prepare('SELECT title FROM conversations').get()).toEqual({ title: 'kept' });
  });

  it('refuses a file from a newer version with a message and leaves its bytes alone', () => {
    const file = fileIn();
    const db = new Database(file);
    db.exec('CREATE TABLE future (x); INSERT INTO future VALUES (1);');
    db.pragma(`user_version = ${migrations.length + 5}`);
    db.close();
    const before = readFileSync(file);
    const dirBefore = readdirSync(join(file, '..'));
    let error: unknown;
    try {
      open(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as StoreOpenError).reason).toBe('newer_version');
    expect((error as Error).message).toMatch(/newer version of Switchboard.*not changed/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(join(file, '..'))).toEqual(dirBefore);
  });

  it('refuses a file that is not a database, unchanged', () => {
    const file = fileIn();
    writeFileSync(
      file,
      'this is not sqlite at all, just some text that is long enough to have a header',
    );
    expect(() => open(file)).toThrow(StoreOpenError);
    expect(readFileSync(file, 'utf8')).toMatch(/^this is not sqlite/);
  });

  it('rolls a failing migration back, keeping the previous version and the backup', () => {
    const file = fileIn();
    open(file, [conversationsMigration]).db.close();
    const broken = {
      version: 2,
      name: 'broken',
      up: (db: Database.Database) => db.exec('CREATE TABLE half (x); SELECT * FROM missing_table;'),
    };
    expect(() => open(file, [conversationsMigration, broken])).toThrow(
      /schema 2 \(broken\) failed/,
    );
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).not.toContain('half');
    db.close();
    expect(
      existsSync(
        join(dirname(file), 'backups', 'switchboard-19700101T000000042Z-pre-migration-v1.db'),
      ),
    ).toBe(true);
  });

  it('rejects a migration list with a gap, so a new migration cannot skip a number', () => {
    expect(() => open(fileIn(), [{ ...conversationsMigration, version: 2 }])).toThrow(/expected 1/);
  });
});
