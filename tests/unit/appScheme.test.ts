/**
 * The app scheme's file resolution against a real folder: the built page's files come back with
 * their types; every way out of the folder (dot segments plain or encoded, encoded slashes,
 * absolute and drive paths, symlinks) and every missing file is refused.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_PAGE_URL, appSchemePrivileges, resolveAppFile } from '../../src/main/appScheme';

const base = mkdtempSync(join(tmpdir(), 'switchboard-scheme-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {}');
writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(join(root, 'assets', 'KaTeX_Main-Regular.woff2'), 'font');
writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>');
writeFileSync(join(root, 'assets', 'data.bin'), 'x');
writeFileSync(join(root, 'assets', 'my file.js'), 'export {}');
// Outside the renderer folder: what a traversal would be after.
writeFileSync(join(base, 'secret.txt'), 'not for the page');
mkdirSync(join(base, 'renderer-evil'));
writeFileSync(join(base, 'renderer-evil', 'x.js'), 'evil');
symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link-out.txt'));
symlinkSync(base, join(root, 'assets', 'dir-out'));
symlinkSync(join(root, 'assets', 'index-abc.js'), join(root, 'assets', 'link-in.js'));

const get = (url: string, method?: string) => resolveAppFile(url, root, method);

describe('the app scheme', () => {
  it('serves the built files with their types', () => {
    expect(get(APP_PAGE_URL)).toEqual({
      ok: true,
      file: join(root, 'index.html'),
      mimeType: 'text/html; charset=utf-8',
    });
    expect(get('app://switchboard/')).toMatchObject({ ok: true, file: join(root, 'index.html') });
    expect(get('app://switchboard/index.html#/settings?x=1')).toMatchObject({ ok: true });
    expect(get('app://switchboard/assets/index-abc.js')).toMatchObject({
      mimeType: 'text/javascript; charset=utf-8',
    });
    expect(get('app://switchboard/assets/index-abc.css')).toMatchObject({
      mimeType: 'text/css; charset=utf-8',
    });
    expect(get('app://switchboard/assets/KaTeX_Main-Regular.woff2')).toMatchObject({
      mimeType: 'font/woff2',
    });
    expect(get('app://switchboard/assets/logo.svg')).toMatchObject({ mimeType: 'image/svg+xml' });
    expect(get('app://switchboard/assets/data.bin')).toMatchObject({
      mimeType: 'application/octet-stream',
    });
    expect(get('app://switchboard/assets/my%20file.js')).toMatchObject({ ok: true });
    // A symlink that stays inside the folder is fine.
    expect(get('app://switchboard/assets/link-in.js')).toMatchObject({ ok: true });
    expect(get(APP_PAGE_URL, 'HEAD')).toMatchObject({ ok: true });
  });

  it.each([
    'app://switchboard/../secret.txt',
    'app://switchboard/assets/../../secret.txt',
    'app://switchboard/%2e%2e/secret.txt',
    'app://switchboard/%2E%2E/secret.txt',
    'app://switchboard/.%2e/secret.txt',
    'app://switchboard/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://switchboard/..%2fsecret.txt',
    'app://switchboard/..%5csecret.txt',
    'app://switchboard/%2fetc%2fpasswd',
    'app://switchboard//etc/passwd',
    'app://switchboard/C:%5cWindows%5cwin.ini',
    'app://switchboard/C:/Windows/win.ini',
    'app://switchboard/index.html%00.png',
    'app://switchboard/%E0%A4%A',
    'app://switchboard/assets/',
    'app://switchboard/../renderer-evil/x.js',
    'app://switchboard/%2e%2e/renderer-evil/x.js',
  ])('refuses a way out of the folder: %s', (url) => {
    const answer = get(url);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect([400, 403, 404]).toContain(answer.status);
  });

  it('refuses symlinks that lead out of the folder', () => {
    expect(get('app://switchboard/assets/link-out.txt')).toMatchObject({ ok: false, status: 403 });
    expect(get('app://switchboard/assets/dir-out/secret.txt')).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('answers 404 for missing files and folders, 403 for other origins, 405 for writes', () => {
    expect(get('app://switchboard/nope.js')).toMatchObject({ ok: false, status: 404 });
    expect(get('app://switchboard/assets')).toMatchObject({ ok: false, status: 404 });
    expect(get('app://elsewhere/index.html')).toMatchObject({ ok: false, status: 403 });
    expect(get('file:///etc/passwd')).toMatchObject({ ok: false, status: 403 });
    expect(get('not a url')).toMatchObject({ ok: false, status: 400 });
    expect(get(APP_PAGE_URL, 'POST')).toMatchObject({ ok: false, status: 405 });
  });

  it('is registered without bypassing the page policy', () => {
    expect(appSchemePrivileges).toMatchObject({ standard: true, secure: true });
    expect(appSchemePrivileges).not.toHaveProperty('bypassCSP');
  });
});
