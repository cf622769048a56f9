/**
 * Settings › Data: the history's backups and WebDAV sync, as main reports them. The password and
 * the passphrase go to main once, when saved; main never sends them back (only whether it has
 * them).
 */
import { create } from 'zustand';
import type { BackupList } from '../../../../../shared/backups';
import type { RequestOf } from '../../../../../shared/ipc';
import type { IpcResult } from '../../../../../shared/result';
import type { SyncStatus } from '../../../../../shared/sync';
import { api } from '../../../lib/api';
import { ipcErrorText } from '../../../lib/i18n';

interface DataState {
  backups: BackupList | null;
  sync: SyncStatus | null;
  /** A backup or restore under way (its buttons wait). */
  busy: 'backup' | 'restore' | null;
  backupError: string | null;
  /** Saving the sync settings failed (a field main refused, no keychain). */
  syncError: { message: string; fields: Record<string, string> } | null;
  syncing: boolean;
  load(): Promise<void>;
  backUpNow(): Promise<void>;
  /** True when the backup is in place (the window then reloads to show it). */
  restore(name: string): Promise<boolean>;
  setKeep(keep: number): Promise<void>;
  saveSync(settings: RequestOf<'saveSyncSettings'>): Promise<boolean>;
  removeSync(): Promise<void>;
  syncNow(): Promise<void>;
}

export const useDataStore = create<DataState>((set) => {
  const takeBackups = (result: IpcResult<BackupList>): boolean => {
    if (!result.ok) set({ backupError: ipcErrorText(result.error) });
    else set({ backups: result.value, backupError: null });
    return result.ok;
  };
  const takeSync = (result: IpcResult<SyncStatus>): boolean => {
    if (!result.ok) {
      const fields = Object.fromEntries(
        (result.error.issues ?? []).map((issue) => [issue.path, issue.message]),
      );
      set({ syncError: { message: ipcErrorText(result.error), fields } });
    } else set({ sync: result.value, syncError: null });
    return result.ok;
  };
  return {
    backups: null,
    sync: null,
    busy: null,
    backupError: null,
    syncError: null,
    syncing: false,
    load: async () => {
      const [backups, sync] = await Promise.all([api.listBackups({}), api.getSyncStatus({})]);
      takeBackups(backups);
      takeSync(sync);
    },
    backUpNow: async () => {
      set({ busy: 'backup' });
      takeBackups(await api.createBackup({}));
      set({ busy: null });
    },
    restore: async (name) => {
      set({ busy: 'restore' });
      const restored = takeBackups(await api.restoreBackup({ name }));
      set({ busy: null });
      return restored;
    },
    setKeep: async (keep) => void takeBackups(await api.setBackupKeep({ keep })),
    saveSync: async (settings) => takeSync(await api.saveSyncSettings(settings)),
    removeSync: async () => void takeSync(await api.removeSyncSettings({})),
    syncNow: async () => {
      set({ syncing: true });
      takeSync(await api.syncNow({}));
      set({ syncing: false });
    },
  };
});
