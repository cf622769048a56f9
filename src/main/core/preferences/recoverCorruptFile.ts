import { existsSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileFaultInWords } from './fileFaultInWords';
import { spoken, type Spoken } from '../../../shared/said';

/** What was found before a preferences file is opened. */
export type CorruptFileCheck =
  /** Absent, or a JSON object (or unreadable: opening it reports that). */
  | { state: 'fine' }
  /** Not a JSON object: moved aside, so the store starts from defaults. */
  | { state: 'moved'; notice: Spoken }
  /** Not a JSON object, and it could not be moved aside: it must not be opened (nor overwritten). */
  | { state: 'stuck'; notice: Spoken };

/**
 * Before a preferences file is opened: if it is not a JSON object, move it aside (never delete:
 * the person may want it) and say so. The caller then starts from defaults; nothing else is touched.
 */
export function recoverCorruptFile(path: string, now: Date = new Date()): CorruptFileCheck {
  if (!existsSync(path)) return { state: 'fine' };
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    return { state: 'fine' }; // Unreadable is not corruption: opening the store reports it.
  }
  if (isJsonObject(raw)) return { state: 'fine' };
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const aside = join(dirname(path), `${basename(path, '.json')}.corrupt-${stamp}.json`);
  try {
    renameSync(path, aside);
  } catch (error) {
    return {
      state: 'stuck',
      notice: spoken('notice.prefsStuck', {
        path,
        reason: fileFaultInWords(error),
        folder: dirname(path),
      }),
    };
  }
  return {
    state: 'moved',
    notice: spoken('notice.prefsMoved', { aside }),
  };
}

function isJsonObject(raw: string): boolean {
  if (raw.trim() === '') return true; // An empty file is a fresh one, not a corrupt one.
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
