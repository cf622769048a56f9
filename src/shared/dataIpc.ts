/**
 * The Data channels (Settings › Data): backups of the history and WebDAV sync. Spread into
 * `invokeChannels` in ipc.ts, so they are part of THE contract like every other channel.
 */
import { z } from 'zod';
import { invoke } from './invokeChannel';
import { MAX_BACKUPS_KEPT, MIN_BACKUPS_KEPT, type BackupList } from './backups';
import { syncSettingsInput, type SyncStatus } from './sync';

const none = z.object({}).strict();
const backupRef = z
  .object({ name: z.string().regex(/^switchboard-[0-9TZ]+-[a-z-]+(-v\d+)?\.db$/) })
  .strict();

export const dataChannels = {
  listBackups: invoke<BackupList>()(none),
  createBackup: invoke<BackupList>()(none),
  /** The current history is backed up first, then the chosen one opened in its place. */
  restoreBackup: invoke<BackupList>()(backupRef),
  setBackupKeep: invoke<BackupList>()(
    z.object({ keep: z.number().int().min(MIN_BACKUPS_KEPT).max(MAX_BACKUPS_KEPT) }).strict(),
  ),
  getSyncStatus: invoke<SyncStatus>()(none),
  saveSyncSettings: invoke<SyncStatus>()(syncSettingsInput),
  /** Forgets the server settings and the keychain entries (the server's files stay). */
  removeSyncSettings: invoke<SyncStatus>()(none),
  syncNow: invoke<SyncStatus>()(none),
} as const;
