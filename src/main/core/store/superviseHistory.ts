import { join } from 'node:path';
import { PendingSaves } from './PendingSaves';
import type { AppLog } from '../logging/AppLog';
import { scheduleIntegrityCheck } from './integrityCheck';
import { openHistory, rememberDamage } from './openHistory';
import { StorageHealth } from './StorageHealth';
import { DATABASE_FILE, type Store } from './Store';
import type { StorageStatus } from '../../../shared/storage';
import { keepUnsaved, restoreUnsaved, unsavedPlaces } from './unsavedWrites';
import { spoken, type Spoken } from '../../../shared/said';

/** What quitting did with the saves the history could not take. */
export interface UnsavedAtQuit {
  /** Saves the history did not take. */
  unsaved: number;
  /** Of those, how many went to `keptIn` for the next start. */
  kept: number;
  keptIn: string | null;
}

export interface SupervisedHistory {
  store: Store;
  health: StorageHealth;
  /** An answer's end and its usage row wait here through a full disk or a lock, then go in. */
  pendingSaves: PendingSaves;
  /**
   * Stops the integrity check and gives the waiting saves a last try (before the store closes);
   * those that still could not be written go to a file for the next start, where there is room.
   */
  stop(): UnsavedAtQuit;
}

/**
 * The history for a session with everything that watches over it: opened read-only when it
 * cannot be written, its health (banner, advice, read-only on damage), a check of its pages
 * after start, and the saves that wait for a fault to clear.
 */
export function superviseHistory(options: {
  dataDir: string;
  notify: (message: string | Spoken, level?: 'info' | 'warning') => void;
  onStatus: (status: StorageStatus) => void;
  onInternalError: (error: unknown) => void;
  log?: AppLog;
  integrityCheckDelayMs?: number;
  /** Where saves that found no room beside the history go (default: the temp folder). */
  spareDir?: string;
}): SupervisedHistory {
  const file = join(options.dataDir, DATABASE_FILE);
  const { store, status } = openHistory({ dataDir: options.dataDir });
  const places = unsavedPlaces(options.dataDir, options.spareDir);
  if (status.writable) restoreUnsaved(store, places, options.notify);
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
    recovered: (count) => options.notify(spoken('notice.savedAfterAll', { count }), 'info'),
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
      if (unsaved === 0) return { unsaved, kept: 0, keptIn: null };
      const writes = pendingSaves.unwritten();
      const keptIn = writes.length > 0 ? keepUnsaved(writes, places, Date.now()) : null;
      const kept = keptIn ? writes.length : 0;
      options.log?.warn(quitWarning(unsaved, kept, keptIn));
      return { unsaved, kept, keptIn };
    },
  };
}

/** Not a bug but a fault that did not clear: what it cost, and only what was done about it. */
function quitWarning(unsaved: number, kept: number, keptIn: string | null): string {
  const saves = (n: number) => `${n} ${n === 1 ? 'save' : 'saves'}`;
  const head = `[quit] ${saves(unsaved)} could not be written to the history before quitting (full disk or locked file)`;
  if (keptIn && kept === unsaved)
    return `${head}: written to ${keptIn} instead; the next start puts them into the history.`;
  if (keptIn)
    return `${head}: ${saves(kept)} written to ${keptIn} instead, for the next start; the rest of them is lost.`;
  return `${head}, nor anywhere else (no room): the answers concerned keep only the text saved before the fault; the rest of them is lost.`;
}
