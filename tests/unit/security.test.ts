import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  isAppUrl,
  isExternalLink,
  secureWebPreferences,
} from '../../src/main/security';
import { APP_PAGE_URL, rendererUrl } from '../../src/main/appScheme';

describe('window security policy', () => {
  it('isolates and sandboxes the page with no Node', () => {
    expect(secureWebPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it("allows only the page's own scripts", () => {
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('recognises only the app page as the app', () => {
    const app = APP_PAGE_URL;
    expect(isAppUrl(app, app)).toBe(true);
    expect(isAppUrl(`${app}#/settings`, app)).toBe(true);
    expect(isAppUrl('app://switchboard/assets/x.js', app)).toBe(true);
    expect(isAppUrl('app://evil/index.html', app)).toBe(false);
    expect(isAppUrl('app:///index.html', app)).toBe(false);
    expect(isAppUrl('file:///tmp/evil.html', app)).toBe(false);
    // A file: page is never the app, not even one named as the app's URL.
    const file = 'file:///opt/Switchboard/resources/app/out/renderer/index.html';
    expect(isAppUrl(file, file)).toBe(false);
    expect(isAppUrl('https://example.com/', app)).toBe(false);
    expect(isAppUrl(undefined, app)).toBe(false);
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });

  it('hands only web and mail links to the OS browser', () => {
    expect(isExternalLink('https://platform.openai.com/')).toBe(true);
    expect(isExternalLink('mailto:a@b.c')).toBe(true);
    expect(isExternalLink('file:///etc/passwd')).toBe(false);
    expect(isExternalLink('javascript:alert(1)')).toBe(false);
    expect(isExternalLink('smb://host/share')).toBe(false);
  });
});

describe('rendererUrl', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' };
  it('honours ELECTRON_RENDERER_URL in development only; else the app scheme, never file://', () => {
    expect(rendererUrl({ isPackaged: false, env })).toBe(env.ELECTRON_RENDERER_URL);
    expect(rendererUrl({ isPackaged: true, env })).toBe('app://switchboard/index.html');
    expect(rendererUrl({ isPackaged: false, env: {} })).toBe('app://switchboard/index.html');
    const fileUrl = { ELECTRON_RENDERER_URL: 'file:///etc/passwd' };
    expect(rendererUrl({ isPackaged: true, env: fileUrl })).toBe(APP_PAGE_URL);
  });
});
