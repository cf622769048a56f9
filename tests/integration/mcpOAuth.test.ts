/**
 * OAuth for a Streamable HTTP MCP server, end to end over real HTTP on 127.0.0.1: the SDK's
 * client auth (through McpOAuthProvider and the loopback redirect) against the SDK's server auth
 * (mcpAuthRouter, requireBearerAuth) in tests/mcp/oauthServer.ts. "The browser" is the test: it
 * follows the authorization URL with fetch, the way a person's browser would.
 * The OAuth state lives in a real keychain when one answers (run under scripts/with-keyring.sh);
 * otherwise in the memory store, said so once.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createKeytarKeyStore } from '../../src/main/core/secrets/keytarKeyStore';
import { createMemoryKeyStore } from '../../src/main/core/secrets/memoryKeyStore';
import { KnownSecrets } from '../../src/main/core/secrets/KnownSecrets';
import { SecretVault } from '../../src/main/core/secrets/SecretVault';
import { createMemoryPreferences } from '../../src/main/core/preferences/PreferencesStore';
import { McpOAuth } from '../../src/main/core/tools/mcpOAuth';
import { createCoreHost } from '../../src/main/core/coreHost';
import { ToolService } from '../../src/main/core/tools/ToolService';
import { oauthAccount } from '../../src/main/core/tools/mcpOAuthProvider';
import { ToolServerManager } from '../../src/main/core/tools/ToolServerManager';
import type { ToolServerStatus } from '../../src/shared/tools';
import type { UiLanguage } from '../../src/shared/locales/languages';
import { startLegacySseServer, startStreamableHttpServer } from '../mcp/httpServer';
import { startOAuthMcpServer, type OAuthTestServer } from '../mcp/oauthServer';
import { httpTestServer, resolveWith } from '../support/mcpServers';

const keychain = createKeytarKeyStore({
  service: `Switchboard-test-${randomBytes(4).toString('hex')}`,
  timeoutMs: 5000,
});
const keychainReachable = await keychain.accounts().then(
  () => true,
  () => false,
);
if (!keychainReachable)
  console.log('[mcpOAuth] no keychain answered: OAuth state kept in the memory store instead.');
const keyStore = keychainReachable ? keychain : createMemoryKeyStore();

const KINDS = ['tokens', 'client', 'verifier', 'discovery'] as const;
let server: OAuthTestServer;
const managers: ToolServerManager[] = [];
/** Every status any manager reported (with its log lines): no token may be in them. */
const everySeen: ToolServerStatus[] = [];
/** Everything written to the console while the tests run: no token may be in it. */
const consoleText: string[] = [];

beforeAll(async () => {
  server = await startOAuthMcpServer();
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method].bind(console);
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleText.push(args.map(String).join(' '));
      original(...args);
    });
  }
});
afterEach(async () => {
  await Promise.all(managers.splice(0).map((manager) => manager.stopAll()));
});
afterAll(async () => {
  await server.close();
  if (keychainReachable)
    for (const account of await keychain.accounts()) await keychain.delete(account);
  vi.restoreAllMocks();
});

/** The person's browser: follows the authorization URL to the loopback redirect. */
async function browse(url: string): Promise<Response> {
  return fetch(url, { redirect: 'follow' });
}

function app(
  vault: SecretVault,
  options: {
    url?: string;
    follow?: boolean;
    signInTimeoutMs?: number;
    openUrl?: (url: string) => void | Promise<void>;
    uiLanguage?: () => UiLanguage;
  } = {},
) {
  const opened: string[] = [];
  const pages: Promise<Response>[] = [];
  const known = new KnownSecrets();
  const oauth = new McpOAuth({
    vault,
    known,
    ...(options.signInTimeoutMs ? { signInTimeoutMs: options.signInTimeoutMs } : {}),
    ...(options.uiLanguage ? { uiLanguage: options.uiLanguage } : {}),
    openUrl:
      options.openUrl ??
      ((url) => {
        opened.push(url);
        // Not awaited, as a browser is not: the page arrives after the sign-in finishes.
        if (options.follow !== false) pages.push(browse(url));
      }),
  });
  const seen: ToolServerStatus[] = [];
  const config = httpTestServer('docs', options.url ?? server.url);
  const manager = new ToolServerManager({
    servers: () => [config],
    resolve: resolveWith(),
    oauth,
    startTimeoutMs: 10_000,
    onStatus: (status) => {
      seen.push(status);
      everySeen.push(status);
    },
  });
  managers.push(manager);
  return { manager, oauth, opened, pages, seen, known };
}

/** The fault tests' own vaults: nothing carried over from the tests above. */
const freshVault = () => new SecretVault(createMemoryKeyStore());

async function stored(vault: SecretVault, kind: (typeof KINDS)[number]) {
  const entry = await vault.get(oauthAccount('docs', kind));
  if (!entry) return null;
  const { url, value } = JSON.parse(entry.secret) as { url: string; value: unknown };
  expect(url).toBe(server.url); // bound to the server it was got from
  return value as Record<string, unknown> | string;
}

describe('OAuth for a Streamable HTTP MCP server', { timeout: 60_000 }, () => {
  const vault = new SecretVault(keyStore, createMemoryKeyStore());

  it('first connect needs sign-in, never opening a browser by itself', async () => {
    const { manager, opened } = app(vault);
    const status = await manager.start('docs');
    expect(status).toMatchObject({ state: 'needs-sign-in', reason: null, signedIn: false });
    expect(opened).toEqual([]);
    expect(server.provider.counts.registrations).toBe(0);
    // Asked for its tools (a chat), it stays waiting for the person, not failed.
    expect(await manager.toolsOf(['docs'])).toEqual([]);
    expect(manager.status('docs').state).toBe('needs-sign-in');
  });

  it('signs in with registration, PKCE and the loopback redirect, then calls a tool', async () => {
    const { manager, opened, pages, seen, known } = app(vault);
    const status = await manager.signIn('docs');
    expect(status.state).toBe('ready');
    expect(status.signedIn).toBe(true);
    expect(status.tools.map((tool) => tool.toolName)).toContain('echo');
    expect(seen.map((s) => s.state)).toEqual(['starting', 'signing-in', 'ready']);
    expect(seen.find((s) => s.state === 'signing-in')?.signInUrl).toBe(opened[0]);
    const url = new URL(opened[0]!);
    expect(url.origin + url.pathname).toBe(`${server.authorizationServerUrl}authorize`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('resource')).toBe(server.url);
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{16,}$/);
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const page = await pages[0]!;
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('You can close this tab');
    // The one-shot redirect listener is gone.
    await expect(fetch(url.searchParams.get('redirect_uri')!)).rejects.toThrow();

    const echo = status.tools.find((tool) => tool.toolName === 'echo')!;
    expect(await manager.call(echo, { text: 'signed' })).toEqual({
      content: 'signed',
      isError: false,
    });
    expect(server.provider.counts).toMatchObject({ registrations: 1, codeExchanges: 1 });
    const tokens = (await stored(vault, 'tokens')) as { access_token: string };
    expect(server.seenAuthorization.at(-1)).toBe(`Bearer ${tokens.access_token}`);
    // The crash log strikes out what KnownSecrets holds.
    expect(known.values()).toContain(tokens.access_token);
    expect(await stored(vault, 'client')).toMatchObject({ client_id: expect.any(String) });
    expect(typeof (await stored(vault, 'verifier'))).toBe('string');
  });

  it('after a restart, reuses the stored token without asking', async () => {
    const { manager, opened } = app(vault);
    expect((await manager.start('docs')).state).toBe('ready');
    expect(opened).toEqual([]);
    expect(server.provider.counts).toMatchObject({ authorizations: 1, refreshes: 0 });
  });

  it('refreshes an expired token, at connect and in the middle of a session', async () => {
    const before = (await stored(vault, 'tokens')) as { access_token: string };
    server.provider.expireAccessTokens();
    const { manager, opened } = app(vault);
    const status = await manager.start('docs');
    expect(status.state).toBe('ready');
    expect(server.provider.counts.refreshes).toBe(1);
    const after = (await stored(vault, 'tokens')) as { access_token: string };
    expect(after.access_token).not.toBe(before.access_token);

    server.provider.expireAccessTokens();
    const echo = status.tools.find((tool) => tool.toolName === 'echo')!;
    expect(await manager.call(echo, { text: 'still here' })).toEqual({
      content: 'still here',
      isError: false,
    });
    expect(server.provider.counts.refreshes).toBe(2);
    expect(opened).toEqual([]);
  });

  it('a revoked token asks for sign-in again, and signing in again works', async () => {
    const { manager, opened } = app(vault);
    const status = await manager.start('docs');
    expect(status.state).toBe('ready');
    server.provider.revokeAll();
    const echo = status.tools.find((tool) => tool.toolName === 'echo')!;
    const outcome = await manager.call(echo, { text: 'x' });
    expect(outcome.isError).toBe(true);
    expect(outcome.content).toMatch(/sign in/i);
    expect(manager.status('docs')).toMatchObject({ state: 'needs-sign-in', tools: [] });
    expect(opened).toEqual([]);

    expect((await manager.signIn('docs')).state).toBe('ready');
    expect(opened).toHaveLength(1);
    expect(server.provider.counts.authorizations).toBe(2);
  });

  it('an invalid stored token (not the server’s) asks for sign-in at connect', async () => {
    const tokens = (await stored(vault, 'tokens')) as Record<string, unknown>;
    // Not one the server issued, and nothing to refresh it with.
    const { refresh_token: _dropped, ...rest } = tokens;
    const invalid = { ...rest, access_token: randomBytes(8).toString('hex') };
    const entry = JSON.stringify({ url: server.url, value: invalid });
    await vault.set(oauthAccount('docs', 'tokens'), entry, 'keychain');
    const { manager } = app(vault);
    expect((await manager.start('docs')).state).toBe('needs-sign-in');
    expect((await manager.signIn('docs')).state).toBe('ready');
  });

  it('sign-out forgets tokens, client and verifier; the next connect asks again', async () => {
    const { manager } = app(vault);
    expect((await manager.start('docs')).state).toBe('ready');
    const status = await manager.signOut('docs');
    expect(status).toMatchObject({ state: 'needs-sign-in', signedIn: false });
    for (const kind of KINDS) expect(await stored(vault, kind)).toBeNull();
    if (keychainReachable)
      expect((await keychain.accounts()).filter((a) => a.startsWith('tool:docs#oauth'))).toEqual(
        [],
      );
    const again = app(vault);
    expect((await again.manager.start('docs')).state).toBe('needs-sign-in');
  });

  it('no token reaches a log, a status or the console', () => {
    expect(server.provider.issued.length).toBeGreaterThan(4);
    expect(everySeen.some((status) => status.log.some((l) => l.text === 'signing in'))).toBe(true);
    const everything = [JSON.stringify(everySeen), ...consoleText].join('\n');
    for (const token of server.provider.issued) expect(everything).not.toContain(token);
  });
});

describe('servers without OAuth, with OAuth on offer', { timeout: 60_000 }, () => {
  it('a plain Streamable HTTP server and a legacy SSE one connect as before, nothing stored', async () => {
    const plain = await startStreamableHttpServer();
    const legacy = await startLegacySseServer();
    try {
      for (const url of [plain.url, legacy.url]) {
        const vault = freshVault();
        const { manager, opened } = app(vault, { url });
        const status = await manager.start('docs');
        expect(status).toMatchObject({ state: 'ready', signedIn: null });
        expect(opened).toEqual([]);
        for (const kind of KINDS)
          expect(await vault.get(oauthAccount('docs', kind)), `${url} ${kind}`).toBeNull();
        await manager.stopAll();
      }
    } finally {
      await plain.close();
      await legacy.close();
    }
  });
});

describe('the app’s tool service', { timeout: 60_000 }, () => {
  it('signs in through its channels; a changed URL or a removal forgets the OAuth entries', async () => {
    const vault = freshVault();
    const tools = new ToolService({
      preferences: createMemoryPreferences(),
      vault,
      emit: () => undefined,
      openUrl: (url) => void browse(url),
    });
    const config = httpTestServer('docs', server.url);
    await tools.save(config, {}, {});
    expect((await tools.manager.signIn('docs')).state).toBe('ready');
    expect(tools.view('docs').status.signedIn).toBe(true);
    expect(await vault.get(oauthAccount('docs', 'tokens'))).not.toBeNull();
    await tools.save({ ...config, url: `${server.url}?moved` }, {}, {});
    for (const kind of KINDS) expect(await vault.get(oauthAccount('docs', kind))).toBeNull();

    await tools.save(config, {}, {});
    expect((await tools.manager.signIn('docs')).state).toBe('ready');
    expect(await tools.remove('docs')).toBe(true);
    for (const kind of KINDS) expect(await vault.get(oauthAccount('docs', kind))).toBeNull();
    await tools.manager.stopAll();
  });
});

describe('the core’s sign-in page', { timeout: 60_000 }, () => {
  it('speaks the language the page told main (setUiLanguage), as the native menu does', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-oauth-language-'));
    const pages: Promise<Response>[] = [];
    const host = createCoreHost({
      dataDir,
      env: {},
      appInfo: {
        name: 'Switchboard',
        version: '0.0.0',
        platform: process.platform,
        shell: 'harness',
      },
      emit: () => undefined,
      keyStore: createMemoryKeyStore(),
      openUrl: (url) => void pages.push(browse(url)),
      backupDelayMs: 60_000,
    });
    try {
      await host.handlers.setUiLanguage({ language: 'de' });
      await host.handlers.saveToolServer({
        config: httpTestServer('docs', server.url),
        env: {},
        headers: {},
      });
      const view = await host.handlers.signInToolServer({ id: 'docs' });
      expect(view.status.state).toBe('ready');
      const html = await (await pages[0]!).text();
      expect(html).toContain('<html lang="de">');
      expect(html).toContain('<h1>Angemeldet</h1>');
    } finally {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('OAuth sign-in faults', { timeout: 60_000 }, () => {
  it('the user never completes: the sign-in ends at its time limit and says so', async () => {
    const { manager, opened } = app(freshVault(), { follow: false, signInTimeoutMs: 800 });
    const status = await manager.signIn('docs');
    expect(status.state).toBe('failed');
    expect(status.reason).toMatch(/^Sign-in failed: The sign-in was not completed within 1 s/);
    // As codes too, for the person's language: the time limit is a sentence inside the sentence.
    expect(status.reasonSaid).toMatchObject({
      code: 'tools.reasonLine',
      params: {
        why: {
          code: 'tools.signInFailed',
          params: {
            why: {
              code: 'tools.oauth.timedOut',
              params: { limit: { code: 'tools.oauth.seconds' } },
            },
          },
        },
      },
    });
    expect(status.signInUrl).toBeNull();
    const redirect = new URL(opened[0]!).searchParams.get('redirect_uri')!;
    await expect(fetch(redirect)).rejects.toThrow(); // the listener closed itself
  });

  it('a sign-in stopped while it waits for the browser ends at once, its listener closed', async () => {
    const { manager, opened } = app(freshVault(), { follow: false, signInTimeoutMs: 60_000 });
    const signingIn = manager.signIn('docs');
    await expect.poll(() => manager.status('docs').state).toBe('signing-in');
    const started = Date.now();
    await manager.stop('docs');
    expect((await signingIn).state).toBe('stopped');
    expect(Date.now() - started).toBeLessThan(5_000);
    const redirect = new URL(opened[0]!).searchParams.get('redirect_uri')!;
    await expect(fetch(redirect)).rejects.toThrow();
    // Signing in again right away starts a new one, on a new listener.
    const again = manager.signIn('docs');
    await expect.poll(() => opened.length).toBe(2);
    expect(new URL(opened[1]!).searchParams.get('redirect_uri')).not.toBe(redirect);
    await manager.stop('docs');
    expect((await again).state).toBe('stopped');
  });

  it('the person denies access: the sign-in fails with the server’s words', async () => {
    const { manager } = app(freshVault(), {
      openUrl: async (url) => {
        const params = new URL(url).searchParams;
        const callback = new URL(params.get('redirect_uri')!);
        callback.searchParams.set('error', 'access_denied');
        callback.searchParams.set('error_description', 'The person said no');
        callback.searchParams.set('state', params.get('state')!);
        await fetch(callback);
      },
    });
    const status = await manager.signIn('docs');
    expect(status.state).toBe('failed');
    expect(status.reason).toBe(
      'Sign-in failed: The authorization server refused the sign-in: The person said no.',
    );
    // The server's own words stay a parameter of the code.
    expect(JSON.stringify(status.reasonSaid)).toContain(
      '{"code":"tools.oauth.refused","params":{"detail":"The person said no"}}',
    );
    expect(status.signedIn).toBe(false);
  });

  it('a callback whose state does not match is refused and signs nothing in', async () => {
    const vault = freshVault();
    let page: Response | undefined;
    const { manager } = app(vault, {
      openUrl: async (url) => {
        const authorize = await fetch(url, { redirect: 'manual' });
        const callback = new URL(authorize.headers.get('location')!);
        callback.searchParams.set('state', 'forged-state-0123456789');
        page = await fetch(callback);
      },
    });
    const status = await manager.signIn('docs');
    expect(page?.status).toBe(400);
    expect(status.state).toBe('failed');
    expect(status.reason).toMatch(/^Sign-in failed: .*state/);
    expect(await stored(vault, 'tokens')).toBeNull();
  });

  it('the browser’s page speaks the window’s language, with lang on the html element', async () => {
    let language: UiLanguage = 'de';
    const { manager, pages } = app(freshVault(), { uiLanguage: () => language });
    expect((await manager.signIn('docs')).state).toBe('ready');
    const german = await pages[0]!;
    const html = await german.text();
    expect(german.status).toBe(200);
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<h1>Angemeldet</h1>');
    expect(html).toContain('Sie können diesen Tab schließen.');
    expect(html).not.toContain('Signed in');

    // The language is read when the browser comes back: switched meanwhile, the page follows.
    let refused: Response | undefined;
    const chinese = app(freshVault(), {
      uiLanguage: () => language,
      openUrl: async (url) => {
        language = 'zh-CN';
        const authorize = await fetch(url, { redirect: 'manual' });
        const callback = new URL(authorize.headers.get('location')!);
        callback.searchParams.set('state', 'forged-state-0123456789');
        refused = await fetch(callback);
      },
    });
    expect((await chinese.manager.signIn('docs')).state).toBe('failed');
    const text = await refused!.text();
    expect(refused!.status).toBe(400);
    expect(text).toContain('<html lang="zh-CN">');
    expect(text).toContain('<h1>登录失败</h1>');
    expect(text).not.toMatch(/Sign-in|state this sign-in/);
  });

  it('the authorization server is down: the sign-in fails with the reason', async () => {
    const lonely = await startOAuthMcpServer();
    await lonely.closeAuthorizationServer();
    const { manager, opened } = app(freshVault(), { url: lonely.url });
    const status = await manager.signIn('docs');
    await lonely.close();
    expect(status.state).toBe('failed');
    const port = new URL(lonely.authorizationServerUrl).port;
    expect(status.reason).toBe(`Sign-in failed: Could not reach 127.0.0.1:${port} (ECONNREFUSED).`);
    expect(opened).toEqual([]);
  });
});
