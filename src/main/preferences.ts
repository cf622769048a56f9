import { join } from 'node:path';
import { app } from 'electron';
import ElectronStore from 'electron-store';
import type { OpenedPreferences } from './core/preferences/confPreferences';
import { recoverCorruptFile } from './core/preferences/recoverCorruptFile';

/**
 * Preferences in the desktop app: electron-store (config.json in userData). electron-store 12
 * needs Node 22, which only Electron's own Node provides, so it is imported here in the shell and
 * never from core; the harness and the CLI open the same file through `conf`.
 */
export function openElectronPreferences(): OpenedPreferences {
  const notice = recoverCorruptFile(join(app.getPath('userData'), 'config.json'));
  const store = new ElectronStore<Record<string, unknown>>({ name: 'config' });
  return {
    notice,
    store: {
      get: (key) => store.get(key),
      set: (key, value) => store.set(key, value),
      path: store.path,
    },
  };
}
