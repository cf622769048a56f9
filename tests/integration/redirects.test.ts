/**
 * A provider call that a server redirects to another origin must not take its credentials
 * there: a first loopback server answers 307/302 towards the emulator (a second loopback server
 * that records every header it gets), and the emulator must get nothing at all.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeConnection } from '../../src/main/core/profiles/connectionProbe';
import { listModels } from '../../src/main/core/providers/streamChat';
import type { ProviderTarget, ProviderType } from '../../src/main/core/providers/types';
import { startEmulator, type Emulator } from '../emulator/server';
import { ask, runEngine } from '../support/engineRun';
import { startRedirectServer, type RedirectServer } from '../support/redirectServer';

const root = resolve(import.meta.dirname, '../..');
// The CLI counts its calls in the usage history: a folder of the test's own, never the user's.
const configDir = mkdtempSync(join(tmpdir(), 'switchboard-cli-config-'));
const KEY = 'sk-redirect-secret-key-0042';
const GATEWAY_SECRET = 'gw-redirect-secret-0043';
const run = promisify(execFile);

let emulator: Emulator;
let redirector: RedirectServer;
beforeAll(async () => {
  emulator = await startEmulator();
  redirector = await startRedirectServer(emulator.origin);
});
afterAll(async () => {
  await redirector?.close();
  await emulator?.close();
});

/** Each dialect with its own credential header, plus a gateway's secret custom header. */
function redirectedTarget(type: ProviderType, prefix: string): ProviderTarget {
  const base = `${redirector.origin}${prefix}`;
  const headers = { 'X-Gateway-Key': GATEWAY_SECRET };
  const profile = {
    id: type,
    name: type,
    type,
    baseUrl: type === 'openai' || type === 'openai-compatible' ? `${base}/v1` : base,
    defaultModel: type === 'anthropic' ? 'claude-emu-1' : type === 'azure' ? 'deploy-emu' : 'emu-1',
  };
  return { profile, apiKey: KEY, headers, secretHeaderNames: ['X-Gateway-Key'] };
}

const credentialHeaders: Record<ProviderType, string> = {
  openai: 'authorization',
  'openai-compatible': 'authorization',
  anthropic: 'x-api-key',
  azure: 'api-key',
  gemini: 'x-goog-api-key',
};

function expectRefused(message: string) {
  expect(message).toContain(emulator.origin);
  expect(message).toMatch(/redirected/);
  expect(message).not.toContain(KEY);
  expect(message).not.toContain(GATEWAY_SECRET);
}

describe('a cross-origin redirect of a provider call', () => {
  const types = ['openai', 'anthropic', 'azure', 'openai-compatible', 'gemini'] as const;
  const cases = types.flatMap((type) =>
    ['/r307', '/r302', '/same/r307'].map((prefix) => [type, prefix] as const),
  );
  it.each(cases)(
    '%s chat via %s: refused, nothing reaches the other origin',
    async (type, prefix) => {
      const before = emulator.requests.length;
      const hopsBefore = redirector.hops.length;
      const target = redirectedTarget(type, prefix);
      const result = await runEngine(target, ask(target, 'hello'));
      expect(result.finish.finishReason).toBe('error');
      expect(result.error?.kind).toBe('bad_request');
      expectRefused(result.error?.message ?? '');
      expect(emulator.requests.length).toBe(before);
      // The first server did get the credentials (so the check above is not trivially true), and
      // a same-origin hop was followed with them.
      const hops = redirector.hops.slice(hopsBefore);
      expect(hops).toHaveLength(prefix.startsWith('/same') ? 2 : 1);
      for (const hop of hops) {
        expect(String(hop.headers[credentialHeaders[type]])).toContain(KEY);
        expect(hop.headers['x-gateway-key']).toBe(GATEWAY_SECRET);
        expect(hop.method).toBe('POST');
      }
    },
  );

  it.each(['openai', 'anthropic', 'azure', 'gemini'] as const)(
    '%s models list and connection test: refused with the target origin named',
    async (type) => {
      const before = emulator.requests.length;
      const target = redirectedTarget(type, '/r307');
      const models = await listModels(target);
      expect(models.ok).toBe(false);
      if (!models.ok) expectRefused(models.error.message);
      const report = await probeConnection({
        profile: { ...target.profile, headers: [], authMethod: 'apiKey' },
        apiKey: KEY,
        bearerToken: null,
        headers: target.headers ?? {},
      });
      expect(report).toMatchObject({ ok: false, step: 'http', status: 307 });
      expectRefused(report.message);
      expect(emulator.requests.length).toBe(before);
    },
  );
});

async function cli(args: string[], env: NodeJS.ProcessEnv) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/index.ts', ...args],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          SWITCHBOARD_CONFIG_DIR: configDir,
          ...env,
        },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the CLI on a redirecting server', { timeout: 60_000 }, () => {
  it('ask, models and compare refuse the redirect and print no key', async () => {
    const before = emulator.requests.length;
    const env = {
      OPENAI_BASE_URL: `${redirector.origin}/r307/v1`,
      OPENAI_API_KEY: KEY,
      ANTHROPIC_BASE_URL: `${redirector.origin}/r302`,
      ANTHROPIC_API_KEY: KEY,
    };
    const runs = await Promise.all([
      cli(['ask', '--model', 'emu-1', 'hello'], env),
      cli(['ask', '--provider', 'anthropic', '--model', 'claude-emu-1', 'hello'], env),
      cli(['models'], env),
      cli(['compare', '--model', 'emu-1', '--model', 'emu-2', 'hello'], env),
    ]);
    for (const result of runs) {
      expect(result.code).not.toBe(0);
      expectRefused(result.stdout + result.stderr);
    }
    expect(emulator.requests.length).toBe(before);
  });
});
