import { createMemoryPreferences, type PreferencesStore } from './PreferencesStore';
import { fileFaultInWords } from './fileFaultInWords';
import { recoverCorruptFile } from './recoverCorruptFile';
import { spoken, type Spoken } from '../../../shared/said';

export interface OpenedPreferences {
  store: PreferencesStore;
  /** Set when the file was moved aside or could not be used: tell the person. */
  notice: Spoken | null;
}

/**
 * Opens the preferences file at `path` with `open` (conf or electron-store), never failing the
 * start: a corrupt file is moved aside first; a file that cannot be used at all (a folder in its
 * place, no permission, a corrupt file in a read-only folder) leaves the session on defaults in
 * memory, with a notice that says why. The file itself is then left exactly as found.
 */
export function openPreferencesFile(path: string, open: () => PreferencesStore): OpenedPreferences {
  const check = recoverCorruptFile(path);
  if (check.state === 'stuck') return { store: inMemory(path), notice: check.notice };
  try {
    return { store: open(), notice: check.state === 'moved' ? check.notice : null };
  } catch (error) {
    return {
      store: inMemory(path),
      notice: spoken('notice.prefsUnopened', { path, reason: fileFaultInWords(error) }),
    };
  }
}

function inMemory(path: string): PreferencesStore {
  const memory = createMemoryPreferences();
  return { get: memory.get, set: memory.set, path };
}
