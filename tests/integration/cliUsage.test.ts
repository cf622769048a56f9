/**
 * The CLI's calls in the app's usage ledger: the real CLI process, the emulator on loopback, a
 * real history file in SWITCHBOARD_CONFIG_DIR, and real faults (another process holding the
 * write lock, a read-only file with root's bypass dropped, a file that is not a database).
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/main/core/store/Store';
import { startEmulator, type Emulator } from '../emulator/server';
import { holdWriteLock, sha256 } from '../support/storageFaults';
import { dropRootBypass } from '../support/withoutRootBypass';

const root = resolve(import.meta.dirname, '../..');
const KEY = 'sk-cli-usage-secret-0001';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ defaultTokens: 6, defaultRate: 0 });
});
afterAll(async () => {
  await emulator?.close();
});

function cli(
  args: string[],
  configDir: string,
  options: { withoutRoot?: boolean } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const command = [
    process.execPath,
    join(root, 'node_modules/tsx/dist/cli.mjs'),
    'src/cli/index.ts',
  ];
  const [program, ...rest] = [...(options.withoutRoot ? dropRootBypass : []), ...command, ...args];
  const child = spawn(program!, rest, {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      OPENAI_BASE_URL: emulator.url,
      OPENAI_API_KEY: KEY,
      SWITCHBOARD_CONFIG_DIR: configDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((done) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    }),
  );
}

function ledger(configDir: string) {
  const db = new Database(join(configDir, 'switchboard.db'), { readonly: true });
  try {
    return {
      rows: db
        .prepare(
          'SELECT kind, profile_id, provider, model, input_tokens, output_tokens, source, outcome FROM usage_ledger ORDER BY id',
        )
        .all() as Record<string, unknown>[],
      headroom: db.prepare('SELECT profile_id FROM rate_limits').all() as { profile_id: string }[],
    };
  } finally {
    db.close();
  }
}

describe('cli calls in the usage ledger', () => {
  it('go into the app’s own ledger as CLI calls, with their headroom, and `usage` counts them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-cli-usage-'));
    // The app's history, with one call of its own already in it.
    const app = openStore({ dataDir: dir });
    app.ledger.record({
      kind: 'chat',
      profileId: 'p1',
      provider: 'openai',
      model: 'emu-1',
      conversationId: null,
      messageId: null,
      usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2, source: 'provider' },
      ttftMs: 1,
      durationMs: 2,
      outcome: 'stop',
    });
    app.close();

    const ask = await cli(['ask', '--model', 'emu-1', 'Count me'], dir);
    expect(ask.code).toBe(0);
    expect(ask.stdout.trim().length).toBeGreaterThan(0);
    expect(ask.stderr).toBe('');
    const compare = await cli(['compare', '--model', 'emu-1', '--model', 'emu-2', 'And us'], dir);
    expect(compare.code).toBe(0);

    const { rows, headroom } = ledger(dir);
    expect(rows.map((r) => [r.kind, r.provider, r.model, r.source, r.outcome])).toEqual([
      ['chat', 'openai', 'emu-1', 'provider', 'stop'],
      ['cli-ask', 'openai', 'emu-1', 'provider', 'stop'],
      ['cli-compare', 'openai', 'emu-1', 'provider', 'stop'],
      ['cli-compare', 'openai', 'emu-2', 'provider', 'stop'],
    ]);
    expect(rows.slice(1).every((r) => Number(r.output_tokens) > 0)).toBe(true);
    expect(headroom.map((h) => h.profile_id)).toEqual(['openai']);

    const usage = await cli(['usage', '--json'], dir);
    expect(JSON.parse(usage.stdout)).toMatchObject({ totals: { calls: 4 } });
  }, 60_000);

  it('--no-record leaves the history out: none is created, an existing one is not touched', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'switchboard-cli-norecord-'));
    const run = await cli(['ask', '--no-record', '--model', 'emu-1', 'Not counted'], fresh);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().length).toBeGreaterThan(0);
    expect(existsSync(join(fresh, 'switchboard.db'))).toBe(false);

    const existing = mkdtempSync(join(tmpdir(), 'switchboard-cli-norecord-existing-'));
    openStore({ dataDir: existing }).close();
    const before = sha256(join(existing, 'switchboard.db'));
    const compare = await cli(
      ['compare', '--no-record', '--model', 'emu-1', '--model', 'emu-2', 'Nor us'],
      existing,
    );
    expect(compare.code).toBe(0);
    expect(sha256(join(existing, 'switchboard.db'))).toBe(before);
    expect(ledger(existing).rows).toEqual([]);
  }, 60_000);
});

describe('a cli that cannot write the history', () => {
  const notRecorded = /^note: this call was not recorded in the usage history \((.+)\)/m;

  it('still answers when the history is locked by another program, and says the call was not recorded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-cli-locked-'));
    openStore({ dataDir: dir }).close();
    const holder = await holdWriteLock(join(dir, 'switchboard.db'));
    try {
      const run = await cli(['ask', '--json', '--model', 'emu-1', 'While locked'], dir);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ finishReason: 'stop', error: null });
      expect(run.stderr).toMatch(notRecorded);
      expect(run.stderr).toMatch(/locked by another program/);
    } finally {
      await holder.release();
    }
    expect(ledger(dir).rows).toEqual([]);
  }, 60_000);

  it('still answers when the history file is read-only, leaving it as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-cli-readonly-'));
    openStore({ dataDir: dir }).close();
    const file = join(dir, 'switchboard.db');
    chmodSync(file, 0o444);
    const before = sha256(file);
    const run = await cli(['ask', '--model', 'emu-1', 'Read-only'], dir, { withoutRoot: true });
    expect(run.code).toBe(0);
    expect(run.stdout.trim().length).toBeGreaterThan(0);
    expect(run.stderr).toMatch(notRecorded);
    expect(run.stderr).toMatch(/read-only/);
    expect(sha256(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  }, 60_000);

  it('still answers when the history file is damaged, leaving it as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-cli-damaged-'));
    const file = join(dir, 'switchboard.db');
    writeFileSync(
      file,
      'Not SQLite: a file some other program wrote here, long enough to have a header.',
    );
    const before = sha256(file);
    const run = await cli(['ask', '--model', 'emu-1', 'Damaged'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().length).toBeGreaterThan(0);
    expect(run.stderr).toMatch(notRecorded);
    expect(run.stderr).toMatch(/cannot be read|damaged/);
    expect(sha256(file)).toBe(before);
  }, 60_000);
});
