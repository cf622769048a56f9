import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, screen } from 'electron';
import { wireChannel, type EventSink } from '../shared/ipc';
import { createCoreHost, type CoreHost } from './core/coreHost';
import type { CrashLog } from './core/logging/configureCrashLog';
import { KnownSecrets } from './core/secrets/KnownSecrets';
import { openElectronCrashLog } from './crashLog';
import { keychainServiceFrom } from './core/secrets/KeyStore';
import { createKeytarKeyStore } from './core/secrets/keytarKeyStore';
import { registerIpc } from './ipc';
import { installApplicationMenu } from './menu';
import { menuText } from './menuText';
import { matchSystemLanguage, type UiLanguage } from '../shared/locales/languages';
import { openElectronPreferences } from './preferences';
import { createQuitGuard, quitLogLine } from './quitGuard';
import { rendererUrl } from './appScheme';
import { registerAppScheme, serveAppFiles } from './appSchemeHandler';
import { isAppUrl } from './security';
import { startAutoUpdate } from './updater';
import { createMainWindow, hardenSession, openInBrowser } from './window';
import { loadWindowState, trackWindowState, windowStateFileName } from './windowStateStore';

// The thin Electron shell: what it composes is tested without Electron (see tests/unit).
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  // First, so that whatever fails from here on is in the crash log, with every key struck out.
  const knownSecrets = new KnownSecrets();
  const crashLog = openElectronCrashLog(knownSecrets);
  let mainWindow: BrowserWindow | null = null;
  // The system's language until the page says which one it shows (Settings › General).
  let language: UiLanguage = matchSystemLanguage(systemLanguages());
  // Scheme privileges are read once, before ready; the files are served once it is.
  registerAppScheme();
  const appUrl = rendererUrl({ isPackaged: app.isPackaged, env: process.env });
  const windowStateFile = join(app.getPath('userData'), windowStateFileName);

  const emit: EventSink = (event, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) {
      mainWindow.webContents.send(wireChannel(event), payload);
    }
  };

  const workAreas = () => {
    const primary = screen.getPrimaryDisplay();
    const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
    return [primary, ...others].map((display) => display.workArea);
  };

  const open = () => {
    mainWindow = createMainWindow({
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      appUrl,
      state: loadWindowState(windowStateFile, workAreas()),
    });
    trackWindowState(mainWindow, windowStateFile, {
      onError: (error) => crashLog.warn('[window] could not save its position:', describe(error)),
    });
    mainWindow.on('closed', () => (mainWindow = null));
  };

  // A second launch focuses this one (or reopens its window, closed on macOS) and then exits.
  app.on('second-instance', () => {
    if (!mainWindow) {
      if (app.isReady()) open();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    hardenSession();
    serveAppFiles(join(import.meta.dirname, '../renderer'));
    language = matchSystemLanguage(systemLanguages());
    const installMenu = () =>
      installApplicationMenu({
        appName: app.getName(),
        isDev: !app.isPackaged,
        language,
        send: (command) => emit('menuCommand', { command }),
      });
    const onUiLanguage = (next: UiLanguage) => {
      if (next === language) return;
      language = next;
      installMenu();
    };
    const core = openCore({ emit, knownSecrets, crashLog, language, onUiLanguage });
    if (!core) return;
    registerIpc(ipcMain, core.handlers, {
      isTrustedSender: (event) => isAppUrl(event.senderFrame?.url, appUrl),
      onInternalError: (channel, error) => crashLog.error(`[ipc] ${channel} failed:`, error),
    });
    installMenu();
    // Quit waits (bounded) for streaming answers to be saved and the database to close.
    app.on(
      'before-quit',
      quitGuardFor(core, crashLog, () => language),
    );
    open();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open();
    });
    void startAutoUpdate({ isPackaged: app.isPackaged, env: process.env, log: crashLog });
  });
}

/**
 * The core over the person's data folder, preferences and keychain; null (after saying why in a
 * dialog and quitting) when the history cannot be opened, e.g. one written by a newer version.
 */
function openCore(options: {
  emit: EventSink;
  knownSecrets: KnownSecrets;
  crashLog: CrashLog;
  language: UiLanguage;
  onUiLanguage: (language: UiLanguage) => void;
}): CoreHost | null {
  const { emit, knownSecrets, crashLog, onUiLanguage } = options;
  const preferences = openElectronPreferences();
  try {
    return createCoreHost({
      dataDir: app.getPath('userData'),
      preferences: preferences.store,
      keyStore: createKeytarKeyStore({ service: keychainServiceFrom(process.env) }),
      startupNotices: preferences.notice ? [preferences.notice] : [],
      env: process.env,
      knownSecrets,
      log: crashLog,
      appInfo: {
        name: app.getName(),
        version: app.getVersion(),
        platform: process.platform,
        shell: 'electron',
      },
      emit,
      onUiLanguage,
      // A tool server's OAuth sign-in: the authorization URL in the person's browser.
      openUrl: openInBrowser,
    });
  } catch (error) {
    // Say why and touch nothing.
    const message = error instanceof Error ? error.message : String(error);
    crashLog.error('[startup] the history could not be opened:', error);
    dialog.showErrorBox(menuText(options.language)('historyFailed'), message);
    app.exit(1);
    return null;
  }
}

/** Quit, bounded: answers saved and the database closed first; saves still waiting are asked about. */
function quitGuardFor(core: CoreHost, crashLog: CrashLog, language: () => UiLanguage) {
  return createQuitGuard({
    close: () => core.close(),
    quit: () => app.quit(),
    timeoutMs: 10_000,
    confirmQuit: async () => {
      const unsaved = core.unsavedCount();
      if (unsaved === 0) return true;
      const t = menuText(language());
      const { response } = await dialog.showMessageBox({
        type: 'warning',
        buttons: [t('keepOpen'), t('quitAnyway')],
        defaultId: 0,
        cancelId: 0,
        message: t('unsaved', { count: unsaved }),
        detail: t('unsavedDetail'),
      });
      return response === 1;
    },
    onOutcome: (outcome) => {
      const { level, line } = quitLogLine(outcome);
      crashLog[level](line);
    },
  });
}

/** The system's preferred languages (before ready, getLocale is not known yet). */
function systemLanguages(): string[] {
  const preferred = app.isReady() ? app.getPreferredSystemLanguages() : [];
  return preferred.length > 0 ? preferred : [Intl.DateTimeFormat().resolvedOptions().locale];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
