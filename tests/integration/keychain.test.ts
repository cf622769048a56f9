/**
 * Against a REAL Secret Service (gnome-keyring in a private D-Bus session, see DEVELOPERS.md or
 * scripts/with-keyring.sh). Uses its own service name, never the person's "Switchboard" entries.
 * Outside such a session it is skipped with the reason; on CI (CI set) it fails instead.
 */
import { spawnSync, spawn } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/server';
import { createKeytarKeyStore } from '../../src/main/core/secrets/keytarKeyStore';
import { SecretVault, keyAccount } from '../../src/main/core/secrets/SecretVault';
import { openConfPreferences } from '../../src/main/core/preferences/confPreferences';
import { ProfileService } from '../../src/main/core/profiles/ProfileService';

const root = resolve(import.meta.dirname, '../..');
const service = `Switchboard-test-${randomBytes(4).toString('hex')}`;
const store = createKeytarKeyStore({ service, timeoutMs: 5000 });
const reachable = await store.accounts().then(
  () => null,
  (error: Error) => error.message,
);
if (reachable && !process.env.CI)
  console.log(`[keychain] skipped: ${reachable} Run it inside scripts/with-keyring.sh.`);

describe.skipIf(reachable !== null && !process.env.CI)(
  'keytar KeyStore on a real gnome-keyring',
  { timeout: 90_000 },
  () => {
    afterAll(async () => {
      for (const account of await store.accounts()) await store.delete(account);
    });

    it('stores, reads, lists and deletes a key under the test service only', async () => {
      const key = `sk-it-${randomBytes(12).toString('hex')}`;
      await store.set('openai', key);
      expect(await store.get('openai')).toBe(key);
      expect(await store.accounts()).toEqual(['openai']);
      // A second store on another service does not see it.
      expect(await createKeytarKeyStore({ service: `${service}-other` }).get('openai')).toBeNull();
      expect(await store.delete('openai')).toBe(true);
      expect(await store.get('openai')).toBeNull();
    });

    it('reports the keychain available through the vault', async () => {
      const vault = new SecretVault(store);
      expect(await vault.status()).toEqual({ available: true, message: null });
      await vault.set(keyAccount('work'), 'sk-vault-key-abcdef', 'keychain');
      expect(await vault.get('work')).toEqual({
        secret: 'sk-vault-key-abcdef',
        source: 'keychain',
      });
      await vault.removeProfile('work');
      expect(await store.accounts()).toEqual([]);
    });

    it('CLI: keys set reads stdin, keys list shows only the hint, keys remove deletes it; nothing on disk', () => {
      const configDir = mkdtempSync(join(tmpdir(), 'sb-cli-'));
      const key = `sk-cli-${randomBytes(12).toString('hex')}WXYZ`;
      const env = {
        ...process.env,
        SWITCHBOARD_CONFIG_DIR: configDir,
        SWITCHBOARD_KEYCHAIN_SERVICE: service,
        OPENAI_API_KEY: '',
      };
      const cli = (args: string[], input?: string) =>
        spawnSync(
          process.execPath,
          [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/index.ts', ...args],
          { cwd: root, env, input, encoding: 'utf8' },
        );

      const set = cli(['keys', 'set', 'openai'], `${key}\n`);
      expect(set.status, set.stderr).toBe(0);
      expect(set.stdout).toContain('WXYZ');
      const list = cli(['keys', 'list']);
      expect(list.status).toBe(0);
      expect(list.stdout).toMatch(/openai\s+openai\s+…WXYZ\s+keychain/);
      const json = cli(['keys', 'list', '--json']);
      expect(JSON.parse(json.stdout).profiles[0]).toMatchObject({
        name: 'openai',
        hasKey: true,
        hint: 'WXYZ',
      });
      for (const output of [set, list, json])
        expect(output.stdout + output.stderr).not.toContain(key);
      for (const file of readdirSync(configDir))
        expect(readFileSync(join(configDir, file), 'utf8')).not.toContain(key);

      expect(cli(['keys', 'remove', 'openai']).status).toBe(0);
      expect(cli(['keys', 'list', '--json']).stdout).toContain('"hasKey": false');
      expect(cli(['keys', 'set', 'no-such-profile'], 'x').status).toBe(1);
    });

    it('CLI: ask uses a stored key only for the server it was saved for, never for OPENAI_BASE_URL / ANTHROPIC_BASE_URL', async () => {
      const home = await startEmulator();
      const elsewhere = await startEmulator();
      try {
        const configDir = mkdtempSync(join(tmpdir(), 'sb-cli-ask-'));
        const key = `sk-stored-${randomBytes(12).toString('hex')}`;
        const antKey = `sk-ant-stored-${randomBytes(12).toString('hex')}`;
        // The built-in profiles as Settings saves them: each with the URL its key is for.
        const prefs = openConfPreferences(configDir);
        const profiles = new ProfileService(prefs.store, () => undefined);
        for (const profile of profiles.list().filter((p) => p.id !== 'azure'))
          profiles.save({
            ...profile,
            baseUrl: profile.type === 'openai' ? home.url : home.origin,
          });
        const base = {
          ...process.env,
          SWITCHBOARD_CONFIG_DIR: configDir,
          SWITCHBOARD_KEYCHAIN_SERVICE: service,
          OPENAI_API_KEY: '',
          ANTHROPIC_API_KEY: '',
          OPENAI_BASE_URL: '',
          ANTHROPIC_BASE_URL: '',
        };
        // Asynchronous on purpose: the emulators answer from this very process, so a blocking
        // spawnSync would leave the CLI's request unanswered.
        const cli = (args: string[], env: NodeJS.ProcessEnv = {}, input?: string) =>
          new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
            const child = spawn(
              process.execPath,
              [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/index.ts', ...args],
              { cwd: root, env: { ...base, ...env } },
            );
            let stdout = '';
            let stderr = '';
            child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
            child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
            const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
            child.on('close', (status) => {
              clearTimeout(timer);
              done({ status, stdout, stderr });
            });
            child.stdin.end(input ?? '');
          });
        expect((await cli(['keys', 'set', 'openai'], {}, `${key}\n`)).status).toBe(0);
        expect((await cli(['keys', 'set', 'anthropic'], {}, `${antKey}\n`)).status).toBe(0);
        const openaiAsk = ['ask', '--provider', 'openai', '--model', 'emu-1', '--json', 'hello'];
        const anthropicAsk = ['ask', '--provider', 'anthropic', '--model', 'claude-emu-1', 'hi'];

        // The saved server: the stored keys go there.
        const ask = await cli([...openaiAsk, '--base-url', home.url]);
        expect(ask.status, ask.stderr).toBe(0);
        expect(JSON.parse(ask.stdout).text).toContain('You said: hello');
        expect(ask.stdout + ask.stderr).not.toContain(key);
        const sent = home.requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1);
        expect(sent?.headers.authorization).toBe(`Bearer ${key}`);
        expect((await cli([...anthropicAsk, '--base-url', home.origin])).status).toBe(0);
        expect(home.requests.at(-1)?.headers['x-api-key']).toBe(antKey);

        // Another server, named by --base-url or by the environment: the stored keys stay home.
        const runs = await Promise.all([
          cli([...openaiAsk, '--base-url', elsewhere.url]),
          cli(openaiAsk, { OPENAI_BASE_URL: elsewhere.url }),
          cli(anthropicAsk, { ANTHROPIC_BASE_URL: elsewhere.origin }),
        ]);
        expect(elsewhere.requests.length).toBeGreaterThanOrEqual(3);
        for (const request of elsewhere.requests) {
          const carried = JSON.stringify(request.headers);
          expect(carried).not.toContain(key);
          expect(carried).not.toContain(antKey);
        }
        for (const run of runs) expect(run.stdout + run.stderr).not.toContain(key);
        // The environment's own key still goes with the environment's URL.
        const paired = await cli(openaiAsk, {
          OPENAI_BASE_URL: elsewhere.url,
          OPENAI_API_KEY: 'sk-env-paired-key-0001',
        });
        expect(paired.status, paired.stderr).toBe(0);
        expect(elsewhere.requests.at(-1)?.headers.authorization).toBe(
          'Bearer sk-env-paired-key-0001',
        );
        await cli(['keys', 'remove', 'openai']);
        await cli(['keys', 'remove', 'anthropic']);
      } finally {
        await home.close();
        await elsewhere.close();
      }
    }, 180_000);
  },
);

describe.skipIf(process.platform !== 'linux')('a keychain that never answers', () => {
  it('is given up on within the timeout, with a plain message (a real hung D-Bus socket)', async () => {
    // A socket that accepts and then says nothing: libsecret waits on it; our timeout must not.
    const dir = mkdtempSync(join(tmpdir(), 'sb-hung-bus-'));
    const path = join(dir, 'bus');
    const held: Socket[] = [];
    const server = createServer((socket) => void held.push(socket));
    await new Promise<void>((done) => server.listen(path, done));
    try {
      const script = `(async () => {
        const { createKeytarKeyStore } = await import(${JSON.stringify(join(root, 'src/main/core/secrets/keytarKeyStore.ts'))});
        const started = Date.now();
        const error = await createKeytarKeyStore({ service: 'Switchboard-test-hung', timeoutMs: 1500 }).get('a').catch((e) => e);
        console.log(JSON.stringify({ ms: Date.now() - started, message: error.message }));
        process.exit(0);
      })();`;
      const child = spawn(
        process.execPath,
        [join(root, 'node_modules/tsx/dist/cli.mjs'), '--eval', script],
        {
          cwd: root,
          env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${path}` },
        },
      );
      let out = '';
      const exited = new Promise((done) => child.once('exit', done));
      // Wait for the answer, not for the exit: the native call still waits on the socket until it closes.
      await new Promise<void>((done) =>
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) done();
        }),
      );
      held.forEach((socket) => socket.destroy());
      await exited;
      const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
        ms: number;
        message: string;
      };
      expect(result.message).toMatch(/did not answer within 2 s/);
      expect(result.ms).toBeGreaterThanOrEqual(1400);
      expect(result.ms).toBeLessThan(4000);
    } finally {
      held.forEach((socket) => socket.destroy());
      await new Promise((done) => server.close(done));
    }
  });
});
