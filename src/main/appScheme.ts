/**
 * The packaged app's page comes from `app://switchboard/…`, a privileged custom scheme, instead
 * of file:// (Electron's security guide: a file:// page may read any file:// URL, and every file
 * shares one origin). This is the scheme's pure part, without Electron, so tests can hold it to
 * account: which file a request URL may name, and with which type. appSchemeHandler.ts wires it.
 */
import { realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'switchboard';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/**
 * What the scheme is allowed: a standard URL (an origin of its own, so 'self' in the CSP means
 * these files only; relative URLs resolve), a secure context, fetch(). corsEnabled because
 * Vite's built page loads its scripts as `<script type="module" crossorigin>`, in CORS mode.
 * Never bypassCSP: the page's policy holds on this scheme as on any other.
 */
export const appSchemePrivileges = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
} as const;

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(file: string): string {
  return mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type AppFileAnswer =
  | { ok: true; file: string; mimeType: string }
  | { ok: false; status: 400 | 403 | 404 | 405; reason: string };

/**
 * The file under `root` (the built renderer folder) that `url` names, or why none may be served.
 * Each path segment is decoded once and must be a plain name: no `.`/`..` (so `%2e%2e` too), no
 * slash or backslash inside (`%2f`, `%5c`), no drive letter or NUL. The real path (symlinks
 * followed) must still be inside the root's real path.
 */
export function resolveAppFile(url: string, root: string, method = 'GET'): AppFileAnswer {
  if (method !== 'GET' && method !== 'HEAD')
    return { ok: false, status: 405, reason: 'only GET and HEAD' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST)
    return { ok: false, status: 403, reason: 'not the app origin' };
  const segments = segmentsOf(parsed.pathname);
  if (!segments) return { ok: false, status: 400, reason: 'not a plain path' };
  if (segments.length === 0) segments.push('index.html');
  let realRoot: string;
  let real: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(join(realRoot, ...segments));
  } catch {
    return { ok: false, status: 404, reason: 'no such file' };
  }
  if (!isInside(realRoot, real)) return { ok: false, status: 403, reason: 'outside the app' };
  if (!statSync(real).isFile()) return { ok: false, status: 404, reason: 'not a file' };
  return { ok: true, file: real, mimeType: mimeTypeOf(real) };
}

/** The decoded segments of an absolute path; null when one is not a plain file or folder name. */
function segmentsOf(pathname: string): string[] | null {
  if (!pathname.startsWith('/')) return null;
  // "/" alone is the page itself.
  if (pathname === '/') return [];
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let name: string;
    try {
      name = decodeURIComponent(raw);
    } catch {
      return null;
    }
    // '' too: "a//b" or a trailing "/" names no file.
    if (name === '' || name === '.' || name === '..') return null;
    if (/[/\\\0:]/.test(name)) return null;
    segments.push(name);
  }
  return segments;
}

function isInside(root: string, file: string): boolean {
  const path = relative(root, file);
  return path !== '' && !path.startsWith(`..${sep}`) && path !== '..' && !isAbsolute(path);
}

/**
 * Where the window loads the app from. ELECTRON_RENDERER_URL is electron-vite's dev server, and
 * is honoured only in development: in a packaged app any URL it named would get `window.api`.
 * Otherwise the built page, always from the app scheme, never from file://.
 */
export function rendererUrl(options: { isPackaged: boolean; env: NodeJS.ProcessEnv }): string {
  const devServer = !options.isPackaged ? options.env.ELECTRON_RENDERER_URL : undefined;
  return devServer || APP_PAGE_URL;
}
