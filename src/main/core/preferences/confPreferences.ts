import { join } from 'node:path';
import Conf from 'conf';
import type { PreferencesStore } from './PreferencesStore';
import { recoverCorruptFile } from './recoverCorruptFile';

export interface OpenedPreferences {
  store: PreferencesStore;
  /** Set when a corrupt file was moved aside: tell the person. */
  notice: string | null;
}

/**
 * Preferences through `conf` in `dir` (config.json): the harness, the CLI and tests. The desktop
 * app uses electron-store over the same file name in its userData folder, so both see one file.
 */
export function openConfPreferences(dir: string): OpenedPreferences {
  const notice = recoverCorruptFile(join(dir, 'config.json'));
  const conf = new Conf<Record<string, unknown>>({
    cwd: dir,
    configName: 'config',
    projectName: 'Switchboard',
  });
  return {
    notice,
    store: {
      get: (key) => conf.get(key),
      set: (key, value) => conf.set(key, value),
      path: conf.path,
    },
  };
}
