import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBackup } from '../../src/main/core/backups/backupFiles';
import { createCoreHost, type CoreHost } from '../../src/main/core/coreHost';
import { openDatabase } from '../../src/main/core/store/database';
import { migrations } from '../../src/main/core/store/migrations';
import type { EventChannel } from '../../src/shared/ipc';
import { HandlerError } from '../../src/shared/result';

const hosts: CoreHost[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-backups-'));
  dirs.push(dir);
  return dir;
}

function openHost(dir: string, options: { backupDelayMs?: number } = {}) {
  const events: EventChannel[] = [];
  const host = createCoreHost({
    dataDir: dir,
    env: {},
    appInfo: {
      name: 'Switchboard',
      version: '0.0.0',
      platform: process.platform,
      shell: 'harness',
    },
    emit: (event) => void events.push(event),
    backupDelayMs: options.backupDelayMs ?? 60_000,
  });
  hosts.push(host);
  return { host, events };
}

const settings = { profileId: null, model: null, systemPrompt: null, parameters: {} };
function addConversation(host: CoreHost, title: string): string {
  const { store } = host.core;
  const conversation = store.conversations.create({ title, settings });
  store.messages.append({
    conversationId: conversation.id,
    parentId: null,
    role: 'user',
    content: `${title}?`,
  });
  return conversation.id;
}
const titles = (host: CoreHost) =>
  host.core.store.conversations
    .list({ limit: 50 })
    .items.map((item) => item.title)
    .sort();

describe('backups of the history (SQLite online backup API)', () => {
  it('makes a checked, single-file backup that holds the history as it was', async () => {
    const dir = dataDir();
    const { host } = openHost(dir);
    addConversation(host, 'kept');
    const list = await host.handlers.createBackup({});
    expect(list.backups).toHaveLength(1);
    const [backup] = list.backups;
    expect(backup!.kind).toBe('manual');
    expect(backup!.bytes).toBeGreaterThan(4096);
    const file = join(list.folder, backup!.name);
    // One file: no WAL beside it, its journal mode DELETE, SQLite's check ok.
    expect(readdirSync(list.folder)).toEqual([backup!.name]);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.prepare('SELECT title FROM conversations').all()).toEqual([{ title: 'kept' }]);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
    expect(checkBackup(file)).toBeNull();
  });

  it('keeps the last N (a preference) and deletes the oldest', async () => {
    const { host } = openHost(dataDir());
    addConversation(host, 'a');
    expect((await host.handlers.setBackupKeep({ keep: 2 })).keep).toBe(2);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const list = await host.handlers.createBackup({});
      made.push(list.backups[0]!.name);
      await new Promise((done) => setTimeout(done, 5));
    }
    const left = (await host.handlers.listBackups({})).backups.map((b) => b.name);
    expect(left).toEqual([made[2], made[1]]);
  });

  it('makes a daily backup at start when none is a day old, and none when one is', async () => {
    const dir = dataDir();
    const first = openHost(dir, { backupDelayMs: 0 });
    addConversation(first.host, 'daily');
    await first.host.core.data.firstBackupLook;
    const after = await first.host.handlers.listBackups({});
    expect(after.backups.map((b) => b.kind)).toEqual(['daily']);
    await first.host.close();
    hosts.splice(hosts.indexOf(first.host), 1);
    const second = openHost(dir, { backupDelayMs: 0 });
    await second.host.core.data.firstBackupLook;
    expect((await second.host.handlers.listBackups({})).backups).toHaveLength(1);
  });

  it('makes no daily backup of an empty history', async () => {
    const { host } = openHost(dataDir(), { backupDelayMs: 0 });
    await host.core.data.firstBackupLook;
    expect((await host.handlers.listBackups({})).backups).toEqual([]);
  });

  it('restores a backup: the current history backed up first, then reopened as it was', async () => {
    const dir = dataDir();
    const { host, events } = openHost(dir);
    const old = addConversation(host, 'old');
    const { backups } = await host.handlers.createBackup({});
    host.core.store.conversations.purge(old);
    addConversation(host, 'new');
    expect(titles(host)).toEqual(['new']);
    const before = host.core;

    const list = await host.handlers.restoreBackup({ name: backups[0]!.name });
    expect(host.core).not.toBe(before);
    expect(titles(host)).toEqual(['old']);
    expect(events).toContain('conversationsChanged');
    // The history from before the restore is a backup of its own, restorable in turn.
    const preRestore = list.backups.find((b) => b.kind === 'pre-restore');
    expect(preRestore).toBeDefined();
    await host.handlers.restoreBackup({ name: preRestore!.name });
    expect(titles(host)).toEqual(['new']);
    // The reopened core answers on the same handler table and writes as before.
    addConversation(host, 'after');
    expect(titles(host)).toEqual(['after', 'new']);
  });

  it('refuses a damaged backup and leaves the history as it was', async () => {
    const dir = dataDir();
    const { host } = openHost(dir);
    addConversation(host, 'safe');
    const { backups, folder } = await host.handlers.createBackup({});
    const name = backups[0]!.name;
    writeFileSync(join(folder, name), Buffer.alloc(8192, 7));
    expect(checkBackup(join(folder, name))).not.toBeNull();
    await expect(host.handlers.restoreBackup({ name })).rejects.toThrow(HandlerError);
    expect(titles(host)).toEqual(['safe']);
    expect(existsSync(join(dir, 'switchboard.db.restoring'))).toBe(false);
  });

  it('lists the copy made before a migration among the backups', async () => {
    const dir = dataDir();
    const old = openDatabase({
      file: join(dir, 'switchboard.db'),
      migrations: migrations.slice(0, 6),
    });
    old.db
      .prepare(
        "INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c', 'v6', 1, 1)",
      )
      .run();
    old.db.close();
    const { host } = openHost(dir);
    const [backup] = (await host.handlers.listBackups({})).backups;
    expect(backup!.kind).toBe('pre-migration');
    expect(backup!.name).toMatch(/-pre-migration-v6\.db$/);
    const copy = new Database(join(host.core.data.backups.folder, backup!.name), {
      readonly: true,
    });
    expect(copy.pragma('user_version', { simple: true })).toBe(6);
    copy.close();
    expect(titles(host)).toEqual(['v6']);
  });

  it('restores the only backup kept even with Keep the last 1 (the pre-restore one does not prune it)', async () => {
    const { host } = openHost(dataDir());
    addConversation(host, 'only');
    await host.handlers.setBackupKeep({ keep: 1 });
    const { backups } = await host.handlers.createBackup({});
    addConversation(host, 'later');
    await host.handlers.restoreBackup({ name: backups[0]!.name });
    expect(titles(host)).toEqual(['only']);
  });
});
