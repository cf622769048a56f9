import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  isAppUrl,
  isExternalLink,
  secureWebPreferences,
  rendererUrl,
} from '../../src/main/security';

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
    const app = 'file:///opt/Switchboard/resources/app/out/renderer/index.html';
    expect(isAppUrl(app, app)).toBe(true);
    expect(isAppUrl(`${app}#/settings`, app)).toBe(true);
    expect(isAppUrl('file:///tmp/evil.html', app)).toBe(false);
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
  const builtPage = 'file:///opt/Switchboard/resources/app.asar/out/renderer/index.html';
  const env = { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' };
  it('honours ELECTRON_RENDERER_URL in development only', () => {
    expect(rendererUrl({ isPackaged: false, env, builtPage })).toBe(env.ELECTRON_RENDERER_URL);
    expect(rendererUrl({ isPackaged: true, env, builtPage })).toBe(builtPage);
    expect(rendererUrl({ isPackaged: false, env: {}, builtPage })).toBe(builtPage);
  });
});
