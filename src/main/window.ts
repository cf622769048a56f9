import { BrowserWindow, session, shell, type WebContents } from 'electron';
import { contentSecurityPolicy, isAppUrl, isExternalLink, secureWebPreferences } from './security';

/** Denies every permission request (camera, notifications, …) and every navigation away. */
export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
}

function guardNavigation(contents: WebContents, appUrl: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, appUrl)) return;
    event.preventDefault();
    if (isExternalLink(url)) void shell.openExternal(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function createMainWindow(options: { preloadPath: string; appUrl: string }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Switchboard',
    webPreferences: { ...secureWebPreferences, preload: options.preloadPath },
  });
  guardNavigation(window.webContents, options.appUrl);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.appUrl);
  return window;
}
