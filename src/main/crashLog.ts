import { app } from 'electron';
import log from 'electron-log/main';
import { configureCrashLog, type CrashLog } from './core/logging/configureCrashLog';
import type { KnownSecrets } from './core/secrets/KnownSecrets';

/**
 * The desktop app's crash log: electron-log/main in its default folder (`~/.config/Switchboard/logs`
 * on Linux, `~/Library/Logs/Switchboard` on macOS, `%APPDATA%\Switchboard\logs` on Windows),
 * uncaught errors and renderer crashes included. Every line is redacted (configureCrashLog).
 */
export function openElectronCrashLog(known: KnownSecrets): CrashLog {
  const crashLog = configureCrashLog(log, { known, catchErrors: true });
  // A renderer that dies (crash, OOM, killed) is the main thing a person cannot report otherwise.
  app.on('render-process-gone', (_event, contents, details) => {
    crashLog.error(
      `[renderer] gone: ${details.reason} (exit code ${details.exitCode}) at ${safeUrl(contents.getURL())}`,
    );
  });
  app.on('child-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit')
      crashLog.error(`[${details.type}] gone: ${details.reason} (exit code ${details.exitCode})`);
  });
  return crashLog;
}

/** The page without its query or fragment, where a token could sit. */
function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return 'an unknown page';
  }
}
