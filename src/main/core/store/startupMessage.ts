import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StorageFaultReason } from '../../../shared/storage';
import { said, spoken, type Said, type Spoken } from '../../../shared/said';

/**
 * What the banner says when the history could not be opened for writing at start: the cause in
 * the person's words, what they can still do, and how to mend it.
 */
export function startupMessage(
  reason: StorageFaultReason,
  file: string,
  readable: boolean,
  error: unknown,
): Spoken {
  const params = {
    shown: readable
      ? said('storage.start.shownReadable')
      : said('storage.start.shownUnreadable', { detail: describe(error) }),
    untouched: said('storage.start.untouched', { file }),
  };
  switch (reason) {
    case 'corrupt':
      return spoken('storage.start.corrupt', params);
    case 'read_only': {
      const unwritable = unwritableFile(file);
      return unwritable
        ? spoken('storage.start.fileReadOnly', {
            ...params,
            file: unwritable,
            how: howToMakeWritable(unwritable),
          })
        : spoken('storage.start.folderReadOnly', { ...params, folder: dirname(file) });
    }
    case 'disk_full':
      return spoken('storage.start.diskFull', params);
    case 'locked':
      return spoken('storage.start.locked', params);
    case 'io':
      return spoken('storage.start.io', params);
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

function howToMakeWritable(file: string): Said {
  return process.platform === 'win32'
    ? said('storage.start.howWindows')
    : said('storage.start.howChmod', { file });
}

function describe(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const inner = cause instanceof Error ? cause : error;
  return inner instanceof Error ? inner.message : String(inner);
}
