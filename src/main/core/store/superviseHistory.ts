import { join } from 'node:path';
import { PendingSaves } from './PendingSaves';
import type { AppLog } from '../logging/AppLog';
import { scheduleIntegrityCheck } from './integrityCheck';
import { openHistory, rememberDamage } from './openHistory';
import { StorageHealth } from './StorageHealth';
import { DATABASE_FILE, type Store } from './Store';
import type { StorageStatus } from '../../../shared/storage';

export interface SupervisedHistory {
  store: Store;
  health: StorageHealth;
  /** An answer's end and its usage row wait here through a full disk or a lock, then go in. */
  pendingSaves: PendingSaves;
  /**
   * Stops the integrity check and gives the waiting saves a last try (before the store closes);
   * returns how many still could not be written.
   */
  stop(): number;
}

/**
 * The history for a session with everything that watches over it: opened read-only when it
 * cannot be written, its health (banner, advice, read-only on damage), a check of its pages
 * after start, and the saves that wait for a fault to clear.
 */
export function superviseHistory(options: {
  dataDir: string;
  notify: (message: string, level?: 'info' | 'warning') => void;
  onStatus: (status: StorageStatus) => void;
  onInternalError: (error: unknown) => void;
  log?: AppLog;
  integrityCheckDelayMs?: number;
}): SupervisedHistory {
  const file = join(options.dataDir, DATABASE_FILE);
  const { store, status } = openHistory({ dataDir: options.dataDir });
  const health = new StorageHealth({
    db: store.db,
    file,
    initial: status,
    notify: (message) => options.notify(message),
    onStatus: options.onStatus,
    onDamaged: () => rememberDamage(file),
  });
  const integrityCheck = status.writable
    ? scheduleIntegrityCheck({
        db: store.db,
        file,
        delayMs: options.integrityCheckDelayMs,
        onDamage: (detail) => {
          options.log?.warn(`[store] the history file is damaged: ${detail}`);
          health.damageFound();
        },
      })
    : null;
  const pendingSaves = new PendingSaves({
    report: (error, how) => health.report(error, { ...how, waiting: true }),
    recovered: (count) =>
      options.notify(
        `Saved after all: ${count} ${count === 1 ? 'save' : 'saves'} that had to wait (full disk or locked file) ${count === 1 ? 'is' : 'are'} now in your history.`,
        'info',
      ),
    onInternalError: options.onInternalError,
  });
  return {
    store,
    health,
    pendingSaves,
    stop() {
      integrityCheck?.cancel();
      pendingSaves.close();
      const unsaved = pendingSaves.size;
      // Not a bug but a fault that did not clear: say what it cost, never that all was saved.
      if (unsaved > 0)
        options.log?.warn(
          `[quit] ${unsaved} ${unsaved === 1 ? 'save' : 'saves'} could not be written before quitting (full disk or locked file): the answers concerned keep only the text saved before the fault; the rest of them is lost.`,
        );
      return unsaved;
    },
  };
}
