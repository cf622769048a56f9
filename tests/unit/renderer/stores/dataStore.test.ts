import { describe, expect, it, vi } from 'vitest';
import { failed, installFakeApi, ok, type FakeApi } from './fakeApi';
import type * as DataStore from '../../../../src/renderer/src/features/settings/store/dataStore';
import type { SyncStatus } from '../../../../src/shared/sync';

let fake: FakeApi;
async function store() {
  vi.resetModules();
  fake = installFakeApi();
  return (
    (await import('../../../../src/renderer/src/features/settings/store/dataStore')) as typeof DataStore
  ).useDataStore;
}

const backupList = (names: string[]) => ({
  backups: names.map((name, i) => ({
    name,
    kind: 'manual' as const,
    createdAt: 1000 - i,
    bytes: 4096,
  })),
  folder: '/data/backups',
  keep: 10,
});
const idle: SyncStatus = { settings: null, running: false, lastSync: null, lastError: null };

describe('data store (Settings › Data)', () => {
  it('loads the backups and the sync status, and backs up on request', async () => {
    const useDataStore = await store();
    fake.answer('listBackups', () => ok(backupList([])));
    fake.answer('getSyncStatus', () => ok(idle));
    await useDataStore.getState().load();
    expect(useDataStore.getState().backups?.backups).toEqual([]);
    expect(useDataStore.getState().sync).toEqual(idle);
    fake.answer('createBackup', () => ok(backupList(['switchboard-a-manual.db'])));
    await useDataStore.getState().backUpNow();
    expect(useDataStore.getState().backups?.backups).toHaveLength(1);
    expect(useDataStore.getState().busy).toBeNull();
  });

  it('says why a restore failed and reports it as not done', async () => {
    const useDataStore = await store();
    fake.answer('restoreBackup', () => failed('The backup failed SQLite’s check.'));
    expect(await useDataStore.getState().restore('switchboard-a-manual.db')).toBe(false);
    expect(useDataStore.getState().backupError).toMatch(/check/);
    expect(fake.calls('restoreBackup')).toEqual([{ name: 'switchboard-a-manual.db' }]);
  });

  it('sends the sync settings as given and keeps main’s field errors at their fields', async () => {
    const useDataStore = await store();
    fake.answer('saveSyncSettings', () => ({
      ok: false,
      error: {
        code: 'invalid_request',
        message: 'Invalid request for saveSyncSettings.',
        issues: [{ path: 'passphrase', message: 'Use at least 8 characters' }],
      },
    }));
    const input = {
      url: 'https://dav.example',
      username: 'me',
      folder: 'S',
      intervalMinutes: 0,
      passphrase: 'short',
    };
    expect(await useDataStore.getState().saveSync(input)).toBe(false);
    expect(fake.calls('saveSyncSettings')).toEqual([input]);
    expect(useDataStore.getState().syncError?.fields).toEqual({
      passphrase: 'Use at least 8 characters',
    });
    const failedSync: SyncStatus = {
      ...idle,
      lastError: { kind: 'unreachable', message: 'The WebDAV server could not be reached', at: 5 },
    };
    fake.answer('syncNow', () => ok(failedSync));
    await useDataStore.getState().syncNow();
    expect(useDataStore.getState().sync?.lastError?.kind).toBe('unreachable');
    expect(useDataStore.getState().syncing).toBe(false);
  });
});
