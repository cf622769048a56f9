/**
 * The window's security policy as plain data and pure checks, so tests can hold it to account
 * without Electron. src/main/window.ts applies it.
 */

/** The page runs sandboxed, isolated, with no Node: it only reaches main through the preload's api. */
export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: true,
  // Middle-click would open links in a new window, past the window-open handler's checks.
  disableBlinkFeatures: 'Auxclick',
} as const;

/**
 * The page's Content-Security-Policy: only its own scripts, no inline script, no eval, no
 * plugins, no framing. 'self' in connect-src also covers the harness's same-origin socket.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * True when `url` is the app's own page: app://switchboard/…, or the dev server in development.
 * A custom scheme's origin is opaque to Node's URL ('null' for any host), so its host is compared.
 */
export function isAppUrl(url: string | undefined | null, appUrl: string): boolean {
  if (!url) return false;
  try {
    const actual = new URL(url);
    const expected = new URL(appUrl);
    if (actual.protocol !== expected.protocol) return false;
    // No file: page is ever the app's: any file on disk would get window.api.
    if (expected.protocol === 'file:') return false;
    if (expected.origin === 'null') return actual.host === expected.host && actual.host !== '';
    return actual.origin === expected.origin;
  } catch {
    return false;
  }
}

/** Links the page may hand to the OS browser: web and mail links only, never file: or custom schemes. */
export function isExternalLink(url: string): boolean {
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
