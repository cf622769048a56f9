/**
 * Auto-update through electron-updater: only in a packaged app (development builds and the
 * unpackaged app never check), and never fatal: a failed check is logged and the app runs on.
 * electron-updater is loaded lazily so development runs and tests never load it.
 */

/** The part of electron-updater's AppUpdater used here (tests pass a fake). */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: UpdateLogger | null;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdatesAndNotify(): Promise<unknown>;
}

export interface UpdateLogger {
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
}

export interface AutoUpdateOptions {
  isPackaged: boolean;
  env: NodeJS.ProcessEnv;
  log: UpdateLogger;
  loadUpdater?: () => Promise<UpdaterLike>;
  /** How often to check again while the app runs. */
  intervalMs?: number;
}

const sixHours = 6 * 60 * 60 * 1000;

/** Why updates are off, or null when they are on. */
export function autoUpdateDisabledReason(
  options: Pick<AutoUpdateOptions, 'isPackaged' | 'env'>,
): string | null {
  if (!options.isPackaged) return 'development build';
  if (options.env.SWITCHBOARD_DISABLE_AUTO_UPDATE === '1')
    return 'SWITCHBOARD_DISABLE_AUTO_UPDATE=1';
  return null;
}

async function loadElectronUpdater(): Promise<UpdaterLike> {
  // electron-updater is CommonJS: its exports arrive on `default` when imported from ESM.
  const module = await import('electron-updater');
  const exports = module.default ?? module;
  return exports.autoUpdater as unknown as UpdaterLike;
}

/**
 * Checks now and every few hours; downloads in the background and installs on the next quit.
 * Returns a function that stops the periodic checks.
 */
export async function startAutoUpdate(options: AutoUpdateOptions): Promise<() => void> {
  const reason = autoUpdateDisabledReason(options);
  if (reason) {
    options.log.info(`[updater] off: ${reason}`);
    return () => {};
  }
  let updater: UpdaterLike;
  try {
    updater = await (options.loadUpdater ?? loadElectronUpdater)();
  } catch (error) {
    options.log.error(`[updater] could not load: ${describe(error)}`);
    return () => {};
  }
  updater.logger = options.log;
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  // Without an 'error' listener an EventEmitter throws; a failed update must never crash the app.
  updater.on('error', (error) => options.log.error(`[updater] ${describe(error)}`));
  const check = () => {
    try {
      updater
        .checkForUpdatesAndNotify()
        .catch((error: unknown) => options.log.error(`[updater] check failed: ${describe(error)}`));
    } catch (error) {
      options.log.error(`[updater] check failed: ${describe(error)}`);
    }
  };
  check();
  const timer = setInterval(check, options.intervalMs ?? sixHours);
  timer.unref?.();
  return () => clearInterval(timer);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
