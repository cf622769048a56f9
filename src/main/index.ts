import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { wireChannel, type EventSink } from '../shared/ipc';
import { createCore } from './core/createCore';
import { registerIpc } from './ipc';
import { isAppUrl } from './security';
import { createMainWindow, hardenSession } from './window';

// The thin Electron shell: everything it composes is tested through the harness.
if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;
const appUrl =
  process.env.ELECTRON_RENDERER_URL ??
  pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;

const emit: EventSink = (event, payload) => {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(wireChannel(event), payload);
};

void app.whenReady().then(() => {
  hardenSession();
  let core: ReturnType<typeof createCore>;
  try {
    core = createCore({
      dataDir: app.getPath('userData'),
      env: process.env,
      appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform, shell: 'electron' },
      emit,
    });
  } catch (error) {
    // The history could not be opened (e.g. written by a newer version): say why, touch nothing.
    dialog.showErrorBox('Switchboard cannot open your history', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  registerIpc(ipcMain, core.handlers, {
    isTrustedSender: (event) => isAppUrl(event.senderFrame?.url, appUrl),
    onInternalError: (channel, error) => console.error(`[ipc] ${channel} failed:`, error),
  });
  const open = () => {
    mainWindow = createMainWindow({ preloadPath: join(import.meta.dirname, '../preload/index.cjs'), appUrl });
  };
  open();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    void core.close().finally(() => app.quit());
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
