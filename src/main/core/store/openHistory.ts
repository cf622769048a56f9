import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { StorageFaultReason, StorageStatus } from '../../../shared/storage';
import { openDatabase, StoreOpenError } from './database';
import { assembleStore, DATABASE_FILE, openStore, type Store } from './Store';
import { storageFaultOf } from './storageFault';

export interface OpenedHistory {
  store: Store;
  status: StorageStatus;
}

/**
 * Opens the history for a session. When the file cannot be written or is damaged (a read-only
 * folder, a full disk, a lock held by another program, a bad page), the person still gets what
 * can be read: a copy of the file in the temp folder, opened and then made query-only, so they
 * can read and export it while the file itself stays exactly as found. Only a file from a newer
 * Switchboard is refused outright (reading a schema we do not know could mislead).
 */
export function openHistory(options: { dataDir: string; now?: () => number }): OpenedHistory {
  const now = options.now ?? Date.now;
  const file = join(options.dataDir, DATABASE_FILE);
  try {
    return { store: openStore({ file, now }), status: { writable: true } };
  } catch (error) {
    if (error instanceof StoreOpenError && error.reason === 'newer_version') throw error;
    const reason = faultReason(error);
    if (!reason) throw error;
    const { store, readable } = openReadOnlyCopy(file, now);
    return {
      store,
      status: {
        writable: false,
        reason,
        message: startupMessage(reason, file, readable, error),
        file,
      },
    };
  }
}

function faultReason(error: unknown): StorageFaultReason | null {
  if (error instanceof StoreOpenError && error.reason === 'corrupt') return 'corrupt';
  const fault = storageFaultOf(error) ?? storageFaultOf((error as { cause?: unknown }).cause);
  return fault?.reason ?? null;
}

/**
 * The history as far as it can be read, never writable: a temp copy (the file and its WAL, so
 * the last commits are in it) when the file is readable, else an empty history in memory.
 */
function openReadOnlyCopy(file: string, now: () => number): { store: Store; readable: boolean } {
  let copyDir: string | null = null;
  const removeCopy = () => {
    if (copyDir) rmSync(copyDir, { recursive: true, force: true });
  };
  try {
    if (!existsSync(file)) throw new Error('no history file yet');
    copyDir = mkdtempSync(join(tmpdir(), 'switchboard-readonly-'));
    const copy = join(copyDir, basename(file));
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    const store = assembleStore(openDatabase({ file: copy, now }), now, {
      bestEffort: true,
      onClose: removeCopy,
    });
    store.db.pragma('query_only = ON');
    return { store, readable: true };
  } catch {
    removeCopy();
    const store = assembleStore(openDatabase({ file: ':memory:', now }), now);
    store.db.pragma('query_only = ON');
    return { store, readable: false };
  }
}

function startupMessage(
  reason: StorageFaultReason,
  file: string,
  readable: boolean,
  error: unknown,
): string {
  const shown = readable
    ? 'Your history is open read-only: you can read and export it, but nothing new is saved.'
    : `Your history could not be read at all (${describe(error)}), so Switchboard started with an empty, read-only one.`;
  const untouched = `The file ${file} was left as it was.`;
  switch (reason) {
    case 'corrupt':
      return `The history file is damaged. ${shown} ${untouched} To start a new history, export what you need, quit, and move the file aside.`;
    case 'read_only':
      return `Switchboard cannot write to its data folder ${dirname(file)} (read-only, or no permission). ${shown} ${untouched} Fix the folder's permissions, then restart.`;
    case 'disk_full':
      return `The disk is full. ${shown} ${untouched} Free some space, then restart.`;
    case 'locked':
      return `The history file is locked by another program (another Switchboard, a backup or a database tool). ${shown} ${untouched} Close that program, then restart.`;
    case 'io':
      return `The disk reported an error reading the history. ${shown} ${untouched} Check the drive, then restart.`;
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const inner = cause instanceof Error ? cause : error;
  return inner instanceof Error ? inner.message : String(inner);
}
