import type { StorageFaultReason } from '../../../shared/storage';

/** A failure of the disk or the database file, with what to tell the person. */
export interface StorageFault {
  reason: StorageFaultReason;
  /** What went wrong and what to do, without the SQLite jargon. */
  advice: string;
}

/**
 * SQLite result codes (better-sqlite3 puts the extended name in `code`, e.g.
 * SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE) and Node's errno names, by what the person can do
 * about them. Matching on the prefix keeps every extended code in its family.
 */
const families: readonly [RegExp, StorageFaultReason][] = [
  [/^(SQLITE_FULL|ENOSPC|EDQUOT)/, 'disk_full'],
  [/^(SQLITE_READONLY|SQLITE_CANTOPEN|SQLITE_PERM|SQLITE_AUTH|EROFS|EACCES|EPERM)/, 'read_only'],
  [/^(SQLITE_BUSY|SQLITE_LOCKED|EBUSY)/, 'locked'],
  [/^(SQLITE_CORRUPT|SQLITE_NOTADB)/, 'corrupt'],
  [/^(SQLITE_IOERR|EIO)/, 'io'],
];

const advice: Record<StorageFaultReason, string> = {
  disk_full:
    'The disk is full, so Switchboard could not save. Free some space and try again; nothing saved before was lost.',
  read_only:
    "Switchboard's data folder cannot be written (read-only or no permission), so nothing new can be saved. Check the folder's permissions or free the drive, then restart; nothing saved before was lost.",
  locked:
    'The history file is locked by another program (another Switchboard, a backup or a database tool). Close it and try again; nothing saved before was lost.',
  corrupt:
    'The history file is damaged. Switchboard stopped writing to it so nothing more is lost. Export what you can now, or quit and reopen Switchboard to open a read-only copy of everything that can still be read.',
  io: 'The disk reported an error while saving. Check the drive and try again; nothing saved before was lost.',
};

/**
 * For a save that waits in memory and is retried (an answer that finished while the disk was
 * full): there is nothing to "try again", only something to free.
 */
const waitingAdvice: Partial<Record<StorageFaultReason, string>> = {
  disk_full:
    'The disk is full: the answer stays on screen and is saved as soon as there is room (Switchboard tries again every few seconds). Free some space; nothing saved before was lost.',
  locked:
    'The history file is locked by another program: the answer stays on screen and is saved as soon as it is free. Close that program; nothing saved before was lost.',
  read_only:
    "Switchboard's data folder cannot be written right now: the answer stays on screen and is saved as soon as it can be. Check the folder's permissions or the drive; nothing saved before was lost.",
  io: 'The disk reported an error: the answer stays on screen and Switchboard keeps trying to save it. Check the drive; nothing saved before was lost.',
};

/** The storage fault behind `error`, or null when it is some other kind of failure. */
export function storageFaultOf(error: unknown): StorageFault | null {
  const code = codeOf(error);
  if (!code) return null;
  const family = families.find(([pattern]) => pattern.test(code));
  return family ? { reason: family[1], advice: advice[family[1]] } : null;
}

export function adviceFor(reason: StorageFaultReason, when: 'now' | 'waiting' = 'now'): string {
  return (when === 'waiting' ? waitingAdvice[reason] : undefined) ?? advice[reason];
}

function codeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}
