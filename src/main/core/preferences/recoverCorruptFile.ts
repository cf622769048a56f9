import { existsSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Before a preferences file is opened: if it is not a JSON object, move it aside (never delete:
 * the person may want it) and say so. The caller then starts from defaults; nothing else is touched.
 * Returns the message for the person, or null when the file was fine or absent.
 */
export function recoverCorruptFile(path: string, now: Date = new Date()): string | null {
  if (!existsSync(path)) return null;
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    return null; // Unreadable is a permissions problem, not corruption: let the store report it.
  }
  if (isJsonObject(raw)) return null;
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const aside = join(dirname(path), `${basename(path, '.json')}.corrupt-${stamp}.json`);
  renameSync(path, aside);
  return `Your preferences file could not be read, so Switchboard started with default profiles. The damaged file was kept as ${aside}. Keys in the keychain and your conversations are untouched.`;
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
