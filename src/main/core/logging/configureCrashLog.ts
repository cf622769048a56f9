import type Logger from 'electron-log';
import type { KnownSecrets } from '../secrets/KnownSecrets';
import type { AppLog } from './AppLog';
import { redactLogData } from './redactLogData';

/** Past this size the log is moved to `main.old.log` and a new one begins: at most twice this on disk. */
export const CRASH_LOG_MAX_BYTES = 1024 * 1024;

export interface CrashLogOptions {
  /** The secrets main knows; read at every line, so keys saved later are struck out too. */
  known: KnownSecrets;
  /** The log file; absent: the logger's own default (electron-log/main: the app's logs folder). */
  file?: string;
  /** Catch uncaught exceptions and unhandled rejections into the log (never with a dialog). */
  catchErrors?: boolean;
}

export interface CrashLog extends AppLog {
  /** Where the lines go, for the README's "attach it to a bug report". */
  readonly path: string;
}

/**
 * Sets up electron-log (its main or node flavour: the shell and the harness each pass theirs) as
 * the crash log: every line of every transport passes the redaction hook first, the file is
 * size-capped with one rotation, and nothing is sent to a renderer or a remote server.
 */
export function configureCrashLog(logger: Logger.NodeLogger, options: CrashLogOptions): CrashLog {
  // First hook: later hooks and every transport (file and console alike) see redacted text only.
  logger.hooks.unshift((message) => ({
    ...message,
    data: redactLogData(message.data, options.known.values()),
  }));
  const file = logger.transports.file;
  file.level = 'info';
  file.maxSize = CRASH_LOG_MAX_BYTES;
  // Readable by its owner only: error messages can quote what a person wrote.
  file.writeOptions = { ...file.writeOptions, mode: 0o600 };
  if (options.file) {
    const path = options.file;
    file.resolvePathFn = () => path;
  }
  // Main's lines stay in main: no copy to the window's devtools, no upload.
  if (logger.transports.ipc) logger.transports.ipc.level = false;
  if (logger.transports.remote) logger.transports.remote.level = false;
  if (options.catchErrors) {
    // No dialog: Electron's would show the raw stack, which the hook never saw.
    logger.errorHandler.startCatching({ showDialog: false });
  }
  return {
    path: file.getFile().path,
    info: (...data) => logger.info(...data),
    warn: (...data) => logger.warn(...data),
    error: (...data) => logger.error(...data),
  };
}
