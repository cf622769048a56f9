import { join } from 'node:path';
import Conf from 'conf';
import { openPreferencesFile, type OpenedPreferences } from './openPreferencesFile';

export type { OpenedPreferences } from './openPreferencesFile';

/**
 * Preferences through `conf` in `dir` (config.json): the harness, the CLI and tests. The desktop
 * app uses electron-store over the same file name in its userData folder, so both see one file.
 */
export function openConfPreferences(dir: string): OpenedPreferences {
  return openPreferencesFile(join(dir, 'config.json'), () => {
    const conf = new Conf<Record<string, unknown>>({
      cwd: dir,
      configName: 'config',
      projectName: 'Switchboard',
    });
    return {
      get: (key) => conf.get(key),
      set: (key, value) => conf.set(key, value),
      path: conf.path,
    };
  });
}
