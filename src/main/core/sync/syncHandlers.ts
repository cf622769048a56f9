import type { IpcHandlers } from '../../../shared/ipc';
import { HandlerError } from '../../../shared/result';
import { KeyStoreUnavailableError } from '../secrets/KeyStore';
import type { SyncService } from './SyncService';
import { spoken } from '../../../shared/said';

type SyncHandlers = Pick<
  IpcHandlers,
  'getSyncStatus' | 'saveSyncSettings' | 'removeSyncSettings' | 'syncNow'
>;

/** Settings › Data's sync channels: a failed sync is a status with its reason, not an error. */
export function createSyncHandlers(sync: SyncService): SyncHandlers {
  return {
    getSyncStatus: async () => sync.status(),
    saveSyncSettings: async (input) => {
      try {
        return await sync.save(input);
      } catch (error) {
        if (error instanceof KeyStoreUnavailableError)
          throw new HandlerError('unavailable', spoken('sync.noKeychain'));
        throw error;
      }
    },
    removeSyncSettings: async () => sync.remove(),
    syncNow: async () => sync.syncNow(),
  };
}
