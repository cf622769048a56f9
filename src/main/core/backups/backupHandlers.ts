import type { IpcHandlers } from '../../../shared/ipc';
import { HandlerError } from '../../../shared/result';
import { BackupError, type BackupService } from './BackupService';
import { spoken } from '../../../shared/said';

type BackupHandlers = Pick<
  IpcHandlers,
  'listBackups' | 'createBackup' | 'restoreBackup' | 'setBackupKeep'
>;

/** A backup's failure is told in its own words; anything else is a bug and stays one. */
async function told<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BackupError) throw new HandlerError('unavailable', error.words);
    throw error;
  }
}

/**
 * Settings › Data's backup channels. Restoring replaces the open history, which only the host
 * that made the core can do (it closes this core and opens a new one): `restore` is its hook.
 */
export function createBackupHandlers(
  backups: BackupService,
  restore: ((name: string) => Promise<void>) | undefined,
): BackupHandlers {
  return {
    listBackups: async () => backups.list(),
    createBackup: async () =>
      told(async () => {
        await backups.create('manual');
        return backups.list();
      }),
    setBackupKeep: async ({ keep }) => backups.setKeep(keep),
    restoreBackup: async ({ name }) =>
      told(async () => {
        if (!restore) throw new BackupError(spoken('backup.needsApp'));
        if (!backups.list().backups.some((backup) => backup.name === name))
          throw new HandlerError('not_found', spoken('backup.gone'));
        await restore(name);
        return backups.list();
      }),
  };
}
