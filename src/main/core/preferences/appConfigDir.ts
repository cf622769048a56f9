import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder Electron uses as userData for "Switchboard" on each platform, so the CLI reads the
 * same preferences as the app. SWITCHBOARD_CONFIG_DIR overrides it (tests, portable setups).
 */
export function appConfigDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.SWITCHBOARD_CONFIG_DIR) return env.SWITCHBOARD_CONFIG_DIR;
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Switchboard');
  if (platform === 'win32')
    return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Switchboard');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Switchboard');
}
