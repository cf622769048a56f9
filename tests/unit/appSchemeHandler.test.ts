/**
 * The app scheme's Electron wiring, run against a stand-in for 'electron' (its binary cannot run
 * here): what is registered before ready, and what the handler answers for real files on disk.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../src/main/security';

type Handler = (request: { url: string; method: string }) => Promise<Response>;
const electron = vi.hoisted(() => {
  const state = {
    privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
    handlers: new Map<string, Handler>(),
  };
  const protocol = {
    registerSchemesAsPrivileged: (schemes: typeof state.privileged) =>
      state.privileged.push(...schemes),
    handle: (scheme: string, handler: Handler) => state.handlers.set(scheme, handler),
  };
  return { state, module: { protocol } };
});
vi.mock('electron', () => electron.module);

const { registerAppScheme, serveAppFiles } = await import('../../src/main/appSchemeHandler');

const root = join(mkdtempSync(join(tmpdir(), 'switchboard-handler-')), 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Switchboard</title>');
writeFileSync(join(root, 'assets', 'index.js'), 'export const x = 1;');
writeFileSync(join(root, '..', 'secret.txt'), 'not for the page');

describe('the app scheme in Electron', () => {
  it('registers app: as standard and secure, never bypassing CSP', () => {
    registerAppScheme();
    expect(electron.state.privileged).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
      },
    ]);
  });

  it('serves the built files with their type, nosniff and the page policy; refuses the rest', async () => {
    serveAppFiles(root);
    const handler = electron.state.handlers.get('app');
    if (!handler) throw new Error('no handler for app:');
    const page = await handler({ url: 'app://switchboard/index.html', method: 'GET' });
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<!doctype html><title>Switchboard</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    const script = await handler({ url: 'app://switchboard/assets/index.js', method: 'GET' });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const head = await handler({ url: 'app://switchboard/', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');

    for (const [url, method, status] of [
      ['app://switchboard/missing.js', 'GET', 404],
      // The URL parser itself takes %2e%2e as '..' and drops it: /secret.txt, not in the folder.
      ['app://switchboard/%2e%2e/secret.txt', 'GET', 404],
      ['app://switchboard/..%2fsecret.txt', 'GET', 400],
      ['app://other/index.html', 'GET', 403],
      ['app://switchboard/index.html', 'POST', 405],
    ] as const) {
      const answer = await handler({ url, method });
      expect(answer.status, url).toBe(status);
      expect(await answer.text()).not.toContain('not for the page');
    }
  });
});
