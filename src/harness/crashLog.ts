import { join } from 'node:path';
import log from 'electron-log/node';
import { configureCrashLog, type CrashLog } from '../main/core/logging/configureCrashLog';
import type { KnownSecrets } from '../main/core/secrets/KnownSecrets';

/** The harness's crash log: the same redacted log as the app's, at `<logsDir>/main.log`. */
export function openHarnessCrashLog(logsDir: string, known: KnownSecrets): CrashLog {
  return configureCrashLog(log, { known, file: join(logsDir, 'main.log'), catchErrors: true });
}
