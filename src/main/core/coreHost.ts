import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { invokeChannels, type InvokeChannel, type IpcHandlers } from '../../shared/ipc';
import { restoreBackupFile } from './backups/restoreBackup';
import { createCore, type Core, type CoreOptions } from './createCore';
import { DATABASE_FILE } from './store/Store';
import { SYNC_STATE_FILE } from './sync/syncState';
import type { UnsavedAtQuit } from './store/superviseHistory';
import type { UiLanguage } from '../../shared/locales/languages';

/** What the Electron shell and the harness hold: one core at a time, replaced by a restore. */
export interface CoreHost {
  /** Stable: each channel answers with the core open at the time of the call. */
  handlers: IpcHandlers;
  readonly core: Core;
  unsavedCount(): number;
  close(): Promise<UnsavedAtQuit>;
}

/**
 * Owns the core so a backup can be restored: every service holds the open history, so the
 * history is reopened by closing the whole core (answers saved, the file closed), putting the
 * backup in place, and opening a new core over it, as a start would (migrating an older one).
 */
export function createCoreHost(options: CoreOptions): CoreHost {
  const historyFile = join(options.dataDir, DATABASE_FILE);
  // What the page last said it shows: main's own pages (the OAuth sign-in answer) speak it too.
  let language: UiLanguage = 'en';
  const open = () => createCore({ ...options, restore, uiLanguage: () => language });
  let core: Core;

  async function restore(backupName: string): Promise<void> {
    const backup = join(core.data.backups.folder, backupName);
    // The history as it is now, first: a restore is itself undoable.
    await core.data.backups.create('pre-restore', backupName);
    await core.close();
    try {
      await restoreBackupFile(backup, historyFile);
      // The sync base describes the history just replaced: the next sync merges from nothing,
      // keeping both sides' conversations, instead of reading the restore as deletions.
      rmSync(join(options.dataDir, SYNC_STATE_FILE), { force: true });
    } finally {
      // Whatever happened, a history is open again (the restored one, or the one left as it was).
      core = open();
      options.emit('conversationsChanged', { conversationId: null });
      options.emit('storageStatus', await core.handlers.getStorageStatus({}));
    }
  }

  core = open();
  const handlers = {} as Record<InvokeChannel, (request: never) => Promise<unknown>>;
  for (const channel of Object.keys(invokeChannels) as InvokeChannel[])
    handlers[channel] = (request) =>
      (core.handlers[channel] as (request: unknown) => Promise<unknown>)(request);
  // The page's language outlives any one core (a restore): the host tells the shell.
  handlers.setUiLanguage = async (request) => {
    const answer = await core.handlers.setUiLanguage(request);
    language = answer.language;
    options.onUiLanguage?.(answer.language);
    return answer;
  };
  return {
    handlers: handlers as unknown as IpcHandlers,
    get core() {
      return core;
    },
    unsavedCount: () => core.unsavedCount(),
    close: () => core.close(),
  };
}
