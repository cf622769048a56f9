import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { BackupError } from './BackupService';
import { checkBackup, removeBackupFile } from './backupFiles';
import { spoken } from '../../../shared/said';

/**
 * Puts a backup in place of the history, which must be closed: the backup is read through the
 * online backup API into a file beside the history, checked, and only then renamed over it (one
 * atomic step), so a failure at any point leaves the history as it was.
 */
export async function restoreBackupFile(backup: string, history: string): Promise<void> {
  if (!existsSync(backup)) throw new BackupError(spoken('backup.gone'));
  const incoming = `${history}.restoring`;
  removeBackupFile(incoming);
  let source: Database.Database | null = null;
  try {
    source = new Database(backup, { readonly: true, fileMustExist: true });
    await source.backup(incoming);
  } catch (error) {
    removeBackupFile(incoming);
    const detail = error instanceof Error ? error.message : String(error);
    throw new BackupError(spoken('backup.readFailed', { detail }), { cause: error });
  } finally {
    source?.close();
  }
  const fault = checkBackup(incoming);
  if (fault !== null) {
    removeBackupFile(incoming);
    throw new BackupError(spoken('backup.restoreCheckFailed', { fault }));
  }
  // The closed history's WAL was folded in at close; one left by a crash belongs to the old file.
  rmSync(`${history}-wal`, { force: true });
  rmSync(`${history}-shm`, { force: true });
  renameSync(incoming, history);
}
