import { join } from 'node:path';
import { app } from 'electron';
import ElectronStore from 'electron-store';
import type { OpenedPreferences } from './core/preferences/confPreferences';
import { openPreferencesFile } from './core/preferences/openPreferencesFile';

/**
 * Preferences in the desktop app: electron-store (config.json in userData). electron-store 12
 * needs Node 22, which only Electron's own Node provides, so it is imported here in the shell and
 * never from core; the harness and the CLI open the same file through `conf`. It never throws: a
 * file that cannot be used leaves the session on defaults in memory, with a notice.
 */
export function openElectronPreferences(): OpenedPreferences {
  return openPreferencesFile(join(app.getPath('userData'), 'config.json'), () => {
    const store = new ElectronStore<Record<string, unknown>>({ name: 'config' });
    return {
      get: (key) => store.get(key),
      set: (key, value) => store.set(key, value),
      path: store.path,
    };
  });
}
