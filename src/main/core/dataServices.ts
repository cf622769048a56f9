import type { EventSink, IpcHandlers } from '../../shared/ipc';
import { createBackupHandlers } from './backups/backupHandlers';
import { backupFolder } from './backups/backupFiles';
import { scheduleDailyBackups, type BackupSchedule } from './backups/backupSchedule';
import { BackupService } from './backups/BackupService';
import type { PreferencesStore } from './preferences/PreferencesStore';
import type { SecretVault } from './secrets/SecretVault';
import { createSyncHandlers } from './sync/syncHandlers';
import type { AttachmentFiles } from './sync/syncAttachments';
import { SyncService } from './sync/SyncService';
import type { StorageHealth } from './store/StorageHealth';
import type { Store } from './store/Store';
import type { NoticeBoard } from './notices';
import { saidOf, spoken } from '../../shared/said';

export type DataHandlers = Pick<
  IpcHandlers,
  | 'listBackups'
  | 'createBackup'
  | 'restoreBackup'
  | 'setBackupKeep'
  | 'getSyncStatus'
  | 'saveSyncSettings'
  | 'removeSyncSettings'
  | 'syncNow'
>;

export interface DataServicesOptions {
  dataDir: string;
  store: Store;
  health: StorageHealth;
  preferences: PreferencesStore;
  notices: NoticeBoard;
  vault: SecretVault;
  emit: EventSink;
  /** Attachment files, synced with the messages that name them. */
  attachments?: AttachmentFiles;
  /** The host's hook that closes this core, puts the backup in place and opens a new core. */
  restore?: (name: string) => Promise<void>;
  /** When the first daily-backup look runs after start (default 30 s). */
  backupDelayMs?: number;
}

export interface DataServices {
  backups: BackupService;
  sync: SyncService;
  handlers: DataHandlers;
  /** The first daily-backup look, for tests (null when the history is read-only). */
  firstBackupLook: Promise<void> | null;
  /** Stops the timers and waits for a sync under way (before the history closes). */
  stop(): Promise<void>;
}

/** Settings › Data behind the handlers: backups (daily, on request, restore) and WebDAV sync. */
export function openDataServices(options: DataServicesOptions): DataServices {
  const backups = new BackupService({
    db: options.store.db,
    folder: backupFolder(options.dataDir),
    preferences: options.preferences,
  });
  // A read-only history (a copy of a damaged or locked file) is not what a backup should keep.
  const schedule: BackupSchedule | null = options.health.status.writable
    ? scheduleDailyBackups(backups, {
        delayMs: options.backupDelayMs,
        onFailure: (error) =>
          options.notices.post(
            spoken('notice.dailyBackupFailed', { reason: saidOf(error) }),
            'warning',
          ),
      })
    : null;
  const sync = new SyncService({
    db: options.store.db,
    dataDir: options.dataDir,
    preferences: options.preferences,
    vault: options.vault,
    writable: () => options.health.status.writable,
    onChanged: () => options.emit('conversationsChanged', { conversationId: null }),
    attachments: options.attachments,
  });
  return {
    backups,
    sync,
    handlers: {
      ...createBackupHandlers(backups, options.restore),
      ...createSyncHandlers(sync),
    },
    firstBackupLook: schedule?.firstLook ?? null,
    async stop() {
      schedule?.stop();
      sync.stop();
      await sync.idle();
    },
  };
}
