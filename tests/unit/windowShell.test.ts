/**
 * The Electron shell's window and session hardening, run against a stand-in for 'electron'
 * (its binary cannot run here): what window.ts actually passes and registers.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy, secureWebPreferences } from '../../src/main/security';

type Listener = (...args: unknown[]) => unknown;
const electron = vi.hoisted(() => {
  const state = {
    windowOptions: [] as Record<string, unknown>[],
    contentsListeners: new Map<string, Listener>(),
    windowOpenHandler: null as null | ((details: { url: string }) => { action: string }),
    permissionRequest: null as null | Listener,
    permissionCheck: null as null | Listener,
    headersReceived: null as null | Listener,
    openExternal: [] as string[],
    loaded: [] as string[],
  };
  class BrowserWindow {
    webContents = {
      setWindowOpenHandler: (handler: typeof state.windowOpenHandler) =>
        (state.windowOpenHandler = handler),
      on: (event: string, listener: Listener) => state.contentsListeners.set(event, listener),
    };
    constructor(options: Record<string, unknown>) {
      state.windowOptions.push(options);
    }
    once() {}
    loadURL(url: string) {
      state.loaded.push(url);
      return Promise.resolve();
    }
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (handler: Listener) => (state.permissionRequest = handler),
      setPermissionCheckHandler: (handler: Listener) => (state.permissionCheck = handler),
      webRequest: { onHeadersReceived: (handler: Listener) => (state.headersReceived = handler) },
    },
  };
  const shell = { openExternal: async (url: string) => void state.openExternal.push(url) };
  return { state, module: { BrowserWindow, session, shell } };
});
vi.mock('electron', () => electron.module);

const { createMainWindow, hardenSession } = await import('../../src/main/window');
const appUrl = 'app://switchboard/index.html';
const state = electron.state;

beforeEach(() => {
  state.windowOptions.length = 0;
  state.openExternal.length = 0;
  state.contentsListeners.clear();
  createMainWindow({
    preloadPath: '/opt/preload/index.cjs',
    appUrl,
    state: { x: 10, y: 20, width: 900, height: 700, maximized: false },
  });
  hardenSession();
});

describe('the Electron window', () => {
  it('is created with exactly the secure preferences, plus the preload', () => {
    expect(state.windowOptions[0]).toMatchObject({
      x: 10,
      y: 20,
      width: 900,
      height: 700,
      show: false,
    });
    expect(state.windowOptions[0]?.webPreferences).toEqual({
      ...secureWebPreferences,
      preload: '/opt/preload/index.cjs',
    });
    expect(state.loaded.at(-1)).toBe(appUrl);
  });

  it('denies every new window and hands only web links to the OS browser', () => {
    for (const url of [
      'https://platform.openai.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://x/y',
    ]) {
      expect(state.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(state.openExternal).toEqual(['https://platform.openai.com/']);
  });

  it('blocks navigation away from the app page', () => {
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      state.contentsListeners.get('will-navigate')?.(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate(`${appUrl}#/settings`)).toBe(false);
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///tmp/evil.html')).toBe(true);
    expect(navigate('file:///opt/Switchboard/resources/app.asar/out/renderer/index.html')).toBe(
      true,
    );
    expect(navigate('app://elsewhere/index.html')).toBe(true);
    const attach = { preventDefault: vi.fn() };
    state.contentsListeners.get('will-attach-webview')?.(attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission request and check', () => {
    const callback = vi.fn();
    state.permissionRequest?.(null, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(state.permissionCheck?.(null, 'notifications')).toBe(false);
  });

  it('sends the CSP with every response, and the page carries the same policy', () => {
    const callback = vi.fn();
    state.headersReceived?.({ responseHeaders: { 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [contentSecurityPolicy] },
    });
    const html = readFileSync(
      resolve(import.meta.dirname, '../../src/renderer/index.html'),
      'utf8',
    );
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    // frame-ancestors is ignored in a <meta> policy, so only the header carries it.
    const headerWithoutFraming = contentSecurityPolicy.replace(/; frame-ancestors 'none'/, '');
    expect(new Set(meta?.split('; '))).toEqual(new Set(headerWithoutFraming.split('; ')));
  });
});
