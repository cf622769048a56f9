import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StorageFaultReason } from '../../../shared/storage';

/**
 * What the banner says when the history could not be opened for writing at start: the cause in
 * the person's words, what they can still do, and how to mend it.
 */
export function startupMessage(
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
    case 'read_only': {
      const unwritable = unwritableFile(file);
      return unwritable
        ? `The history file ${unwritable} is read-only: its own permissions do not let Switchboard write to it. ${shown} ${untouched} Make it writable (${howToMakeWritable(unwritable)}), then restart.`
        : `Switchboard cannot write to its data folder ${dirname(file)} (read-only, or no permission). ${shown} ${untouched} Fix the folder's permissions, then restart.`;
    }
    case 'disk_full':
      return `The disk is full. ${shown} ${untouched} Free some space, then restart.`;
    case 'locked':
      return `The history file is locked by another program (another Switchboard, a backup or a database tool). ${shown} ${untouched} Close that program, then restart.`;
    case 'io':
      return `The disk reported an error reading the history. ${shown} ${untouched} Check the drive, then restart.`;
  }
}

/**
 * In a folder that can be written, the history file (or its WAL or shared-memory file beside it)
 * that cannot: the cause is that file's own permission, not the folder's. Null otherwise.
 */
function unwritableFile(file: string): string | null {
  if (!canWrite(dirname(file))) return null;
  return [file, `${file}-wal`, `${file}-shm`].find((f) => existsSync(f) && !canWrite(f)) ?? null;
}

/** Whether this process may write `path` (its mode, owner and our privileges, as the OS says). */
export function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function howToMakeWritable(file: string): string {
  return process.platform === 'win32'
    ? 'clear "Read-only" in its Properties'
    : `for example chmod u+w "${file}"`;
}

function describe(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const inner = cause instanceof Error ? cause : error;
  return inner instanceof Error ? inner.message : String(inner);
}
