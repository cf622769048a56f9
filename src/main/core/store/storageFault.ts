import type { StorageFaultReason } from '../../../shared/storage';
import { spoken, type SaidCode, type Spoken } from '../../../shared/said';

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

/** What the person can do about each reason (errors catalogue, `storage.*`). */
const advice: Record<StorageFaultReason, SaidCode> = {
  disk_full: 'storage.diskFull',
  read_only: 'storage.readOnly',
  locked: 'storage.locked',
  corrupt: 'storage.corrupt',
  io: 'storage.io',
};

/**
 * For a save that waits in memory and is retried (an answer that finished while the disk was
 * full): there is nothing to "try again", only something to free.
 */
const waitingAdvice: Partial<Record<StorageFaultReason, SaidCode>> = {
  disk_full: 'storage.waitingDiskFull',
  locked: 'storage.waitingLocked',
  read_only: 'storage.waitingReadOnly',
  io: 'storage.waitingIo',
};

/** The storage fault behind `error`, or null when it is some other kind of failure. */
export function storageFaultOf(error: unknown): StorageFault | null {
  const code = codeOf(error);
  if (!code) return null;
  const family = families.find(([pattern]) => pattern.test(code));
  return family ? { reason: family[1], advice: adviceFor(family[1]) } : null;
}

export function adviceFor(reason: StorageFaultReason, when: 'now' | 'waiting' = 'now'): string {
  return adviceSpoken(reason, when).message;
}

/** The same advice with its code, for the person's language. */
export function adviceSpoken(reason: StorageFaultReason, when: 'now' | 'waiting' = 'now'): Spoken {
  return spoken((when === 'waiting' ? waitingAdvice[reason] : undefined) ?? advice[reason]);
}

function codeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}
