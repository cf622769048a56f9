import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openDatabase, StoreOpenError } from './database';
import { RateLimitStore } from './RateLimitStore';
import { canWrite } from './startupMessage';
import { DATABASE_FILE } from './Store';
import { storageFaultOf } from './storageFault';
import { UsageLedger } from './UsageLedger';
import type { UsageTables } from '../usage/UsageWriter';

export type OpenedUsageLedger =
  | { ok: true; file: string; tables: UsageTables; close(): void }
  | { ok: false; file: string; why: string };

/**
 * The usage tables of the history in `dataDir` and nothing else, for a short process that only
 * adds rows (the CLI). Unlike a session's open (openHistory) it leaves the history's tidying to
 * the app, which may be running meanwhile: an answer the app is streaming must not be marked
 * interrupted, nor a deleted conversation it can still undo be purged. A history that cannot
 * take a row is not opened, only explained; a missing one is created, as the app would.
 */
export function openUsageLedger(dataDir: string, now: () => number = Date.now): OpenedUsageLedger {
  const file = join(dataDir, DATABASE_FILE);
  // The marker the app leaves when it found damage: the file waits for the app to salvage it.
  if (existsSync(`${file}.damaged`))
    return {
      ok: false,
      file,
      why: 'the history file is damaged (the app salvages it at its next start)',
    };
  // As in openHistory: even opening a read-only file would leave read-only WAL files beside it.
  if (existsSync(file) && !canWrite(file))
    return { ok: false, file, why: 'the history file is read-only' };
  try {
    mkdirSync(dataDir, { recursive: true });
    const { db } = openDatabase({ file, now });
    return {
      ok: true,
      file,
      tables: { db, ledger: new UsageLedger(db, now), rateLimits: new RateLimitStore(db, now) },
      close: () => db.close(),
    };
  } catch (error) {
    return { ok: false, file, why: whyNotWritten(error, file) };
  }
}

/** Why a usage row could not go into `file`, in a few plain words. */
export function whyNotWritten(error: unknown, file: string): string {
  if (error instanceof StoreOpenError && error.reason === 'newer_version')
    return 'the history was written by a newer version of Switchboard';
  const cause = error instanceof Error ? error.cause : undefined;
  const fault = storageFaultOf(error) ?? storageFaultOf(cause);
  if (error instanceof StoreOpenError && !fault) return 'the history file cannot be read';
  switch (fault?.reason) {
    case 'locked':
      return 'the history file is locked by another program';
    case 'read_only':
      return `${dirname(file)} cannot be written (read-only, or no permission)`;
    case 'disk_full':
      return 'the disk is full';
    case 'corrupt':
      return 'the history file is damaged';
    case 'io':
      return 'the disk reported an error';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
