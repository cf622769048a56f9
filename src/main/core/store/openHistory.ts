import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { StorageFaultReason, StorageStatus } from '../../../shared/storage';
import { openDatabase, StoreOpenError } from './database';
import { assembleStore, DATABASE_FILE, openStore, type Store } from './Store';
import { salvageHistory } from './salvageHistory';
import { wholePagesLength } from './sqlitePages';
import { canWrite, startupMessage } from './startupMessage';
import { storageFaultOf } from './storageFault';
import { said, spoken, type Spoken } from '../../../shared/said';

/** Left beside the history when damage turns up mid-session, so the next start salvages it. */
const damageMarker = (file: string) => `${file}.damaged`;

/** Remembers (best effort: the folder may be read-only too) that `file` was found damaged. */
export function rememberDamage(file: string): void {
  try {
    writeFileSync(damageMarker(file), `Damage found ${new Date().toISOString()}\n`);
  } catch {
    // Then the next start finds the damage the same way this session did.
  }
}

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
  if (existsSync(damageMarker(file))) {
    if (stillDamaged(file)) return openSalvaged(file, now, new Error('damage found earlier'));
    rmSync(damageMarker(file), { force: true });
  }
  // A file its own mode makes read-only is not opened at all: even a read-only SQLite connection
  // would leave a WAL and a shared-memory file beside it, read-only too, that would then block
  // the first start after the person made the file writable again.
  if (existsSync(file) && !canWrite(file))
    return openUnwritable(file, now, 'read_only', new Error('the history file is read-only'));
  try {
    return { store: openStore({ file, now }), status: { writable: true } };
  } catch (error) {
    if (error instanceof StoreOpenError && error.reason === 'newer_version') throw error;
    const reason = faultReason(error);
    if (!reason) throw error;
    if (reason === 'corrupt') return openSalvaged(file, now, error);
    return openUnwritable(file, now, reason, error);
  }
}

/** A history that cannot be written: its read-only copy (salvaged, should the copy be damaged). */
function openUnwritable(
  file: string,
  now: () => number,
  reason: StorageFaultReason,
  error: unknown,
): OpenedHistory {
  const copy = openReadOnlyCopy(file, now);
  if (!copy.readable && faultReason(copy.error) === 'corrupt')
    return openSalvaged(file, now, copy.error);
  return {
    store: copy.store,
    status: {
      writable: false,
      reason,
      ...startupMessage(reason, file, copy.readable, error),
      file,
    },
  };
}

/**
 * SQLite's own check of every page; a file it cannot open counts as damaged. A file that is gone
 * (moved aside to start afresh) is not: the marker is stale.
 */
function stillDamaged(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.pragma('quick_check(1)', { simple: true }) !== 'ok';
    } finally {
      db.close();
    }
  } catch {
    return true;
  }
}

/**
 * A damaged history: every row that can still be read, copied into a new file in the temp
 * folder and opened query-only; the damaged file is only ever read.
 */
function openSalvaged(file: string, now: () => number, error: unknown): OpenedHistory {
  const status = (words: Spoken): StorageStatus => ({
    writable: false,
    reason: 'corrupt',
    ...words,
    file,
  });
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-salvage-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  try {
    const copy = join(dir, 'damaged.db');
    copyWritable(file, copy);
    // The copy is ours: a page the cut left half of goes, so that nothing reads its zeros; then
    // its WAL's commits go into it, so that the page reader sees each page's last version.
    const whole = wholePagesLength(copy);
    if (whole !== null && whole < statSync(copy).size) truncateSync(copy, whole);
    foldWal(copy);
    const salvage = salvageHistory(copy, join(dir, DATABASE_FILE), now);
    const store = assembleStore(salvage.opened, now, { bestEffort: true, onClose: removeDir });
    store.db.pragma('query_only = ON');
    const conversations =
      (salvage.copied.conversations ?? 0) + (salvage.copied.rebuiltConversations ?? 0);
    const messages = salvage.copied.messages ?? 0;
    const lost = salvage.lost > 0 ? said('storage.start.lost', { count: salvage.lost }) : '';
    const cutOff =
      salvage.endUnreadable.length > 0 || salvage.cutOff ? said('storage.start.cutOff') : '';
    return {
      store,
      status: status(
        spoken('storage.start.salvaged', { conversations, messages, lost, cutOff, file }),
      ),
    };
  } catch {
    removeDir();
    return {
      store: openEmptyReadOnly(now),
      status: status(startupMessage('corrupt', file, false, error)),
    };
  }
}

/**
 * SQLite copies a WAL's committed frames into the file when its last connection closes; that
 * needs only the file's header, not its schema, so it works on a damaged copy. Best effort: a
 * copy whose WAL cannot be folded in is still read through SQLite, WAL included.
 */
function foldWal(copy: string): void {
  if (!existsSync(`${copy}-wal`)) return;
  try {
    const db = new Database(copy, { fileMustExist: true });
    try {
      db.pragma('user_version');
    } finally {
      db.close();
    }
  } catch {
    // Left as it is.
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
function openReadOnlyCopy(
  file: string,
  now: () => number,
): { store: Store; readable: true } | { store: Store; readable: false; error: unknown } {
  let copyDir: string | null = null;
  const removeCopy = () => {
    if (copyDir) rmSync(copyDir, { recursive: true, force: true });
  };
  try {
    if (!existsSync(file)) throw new Error('no history file yet');
    copyDir = mkdtempSync(join(tmpdir(), 'switchboard-readonly-'));
    const copy = join(copyDir, basename(file));
    copyWritable(file, copy);
    const store = assembleStore(openDatabase({ file: copy, now }), now, {
      bestEffort: true,
      onClose: removeCopy,
    });
    store.db.pragma('query_only = ON');
    return { store, readable: true };
  } catch (error) {
    removeCopy();
    // A copy from a newer Switchboard is refused, as the file itself would be.
    if (error instanceof StoreOpenError && error.reason === 'newer_version') throw error;
    return { store: openEmptyReadOnly(now), readable: false, error };
  }
}

/** Nothing could be read: an empty history in memory, so the app still opens and can explain. */
function openEmptyReadOnly(now: () => number): Store {
  const store = assembleStore(openDatabase({ file: ':memory:', now }), now);
  store.db.pragma('query_only = ON');
  return store;
}

/**
 * Copies the history and its WAL (so the last commits are in the copy) to `copy`. The copy is
 * ours, in our own temp folder: it is made writable whatever the file's mode (a read-only file
 * copied as it is would refuse even the WAL switch SQLite needs to open it).
 */
function copyWritable(file: string, copy: string): void {
  copyFileSync(file, copy);
  chmodSync(copy, 0o600);
  if (existsSync(`${file}-wal`)) {
    copyFileSync(`${file}-wal`, `${copy}-wal`);
    chmodSync(`${copy}-wal`, 0o600);
  }
}
