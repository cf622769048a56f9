import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConfPreferences } from '../../src/main/core/preferences/confPreferences';
import { PriceOverrides } from '../../src/main/core/usage/priceOverrides';
import { startEmulator, type Emulator } from '../emulator/server';

const root = resolve(import.meta.dirname, '../..');
// The CLI counts its calls in the usage history: a folder of the test's own, never the user's.
const configDir = mkdtempSync(join(tmpdir(), 'switchboard-cli-config-'));
const KEY = 'sk-cli-compare-secret-0007';
const run = promisify(execFile);

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ acceptKeys: [KEY] });
});
afterAll(async () => {
  await emulator?.close();
});

/** The CLI as `npm run --silent cli --` runs it, with a clean env; resolves whatever the exit code. */
async function cli(
  args: string[],
  dir = configDir,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/index.ts', ...args],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          SWITCHBOARD_CONFIG_DIR: dir,
          OPENAI_BASE_URL: emulator.url,
          OPENAI_API_KEY: KEY,
        },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('cli compare', () => {
  it('--reasoning-effort goes to the models that take it and to no other', async () => {
    const marker = `compare-effort-${Date.now()}`;
    const result = await cli([
      'compare',
      '--model',
      'o4-mini',
      '--model',
      'gpt-4o-mini',
      '--reasoning-effort',
      'medium',
      `${marker} [tokens=3]`,
    ]);
    expect(result.code).toBe(0);
    const sent = emulator.requests
      .filter((r) => JSON.stringify(r.body).includes(marker))
      .map((r) => r.body as { model: string; reasoning_effort?: string })
      .sort((a, b) => a.model.localeCompare(b.model));
    expect(sent.map((b) => [b.model, b.reasoning_effort])).toEqual([
      ['gpt-4o-mini', undefined],
      ['o4-mini', 'medium'],
    ]);
  });

  it('asks each model at once and prints their answers and a table of the figures', async () => {
    const result = await cli([
      'compare',
      '--model',
      'emu-1',
      '--model',
      'gpt-4o-mini',
      'Compare us [tokens=20 rate=20]',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('== emu-1 ==\nYou said: Compare us.');
    expect(result.stdout).toContain('== gpt-4o-mini ==\nYou said: Compare us.');
    const table = result.stdout
      .slice(result.stdout.lastIndexOf('\nmodel') + 1)
      .trim()
      .split('\n');
    expect(table[0]).toMatch(/^model\s+first token\s+tok\/s\s+in\s+out\s+cost\s+finish$/);
    expect(table[1]).toMatch(/^emu-1\s+\d+ ms\s+\d+\.\d\s+\d+\s+20\s+—\s+stop$/);
    // A priced model gets a cost in dollars; an unknown one "—", never $0.
    expect(table[2]).toMatch(/^gpt-4o-mini\s+\d+ ms\s+\d+\.\d\s+\d+\s+20\s+\$0\.\d+\s+stop$/);
    const calls = emulator.requests.filter((r) => JSON.stringify(r.body).includes('Compare us'));
    expect(calls.map((c) => (c.body as { model: string }).model).sort()).toEqual([
      'emu-1',
      'gpt-4o-mini',
    ]);
    // At once, not one after the other: each answer streams for about 1 s (20 tokens at 20/s),
    // and each request arrived before the other's answer had ended (no wall-clock bound).
    for (const call of calls)
      for (const other of calls) expect(call.receivedAt).toBeLessThan(other.closedAt ?? 0);
    expect(result.stdout + result.stderr).not.toContain(KEY);
  });

  it('--json gives one figures object per model; a failed answer exits 1 and its row says why', async () => {
    const result = await cli([
      'compare',
      '--json',
      '--no-stream',
      '--model',
      'emu-1',
      '--model',
      'emu-2',
      'Plain compare [tokens=5]',
    ]);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as {
      model: string;
      ttftMs: number;
      usage: { outputTokens: number };
    }[];
    expect(rows.map((r) => r.model)).toEqual(['emu-1', 'emu-2']);
    expect(rows.every((r) => r.usage.outputTokens === 5 && r.ttftMs > 0)).toBe(true);

    const failing = await cli([
      'compare',
      '--model',
      'emu-1',
      '--model',
      'emu-2',
      'Oops [fault=400]',
    ]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/emu-1 .*error: bad_request/);
  });

  it('prices the table as the ledger does: a price set in the app counts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-cli-prices-'));
    // As Settings › Prices writes it: emu-1 (unpriced when shipped) at $0.01 an output token.
    new PriceOverrides(openConfPreferences(dir).store).set({
      model: 'emu-1',
      provider: 'openai',
      inputPerMTok: 0,
      cachedInputPerMTok: null,
      outputPerMTok: 10_000,
    });
    const result = await cli(
      ['compare', '--model', 'emu-1', '--model', 'emu-2', 'Priced [tokens=20]'],
      dir,
    );
    expect(result.code).toBe(0);
    const rows = result.stdout.slice(result.stdout.lastIndexOf('\nmodel') + 1).split('\n');
    expect(rows[1]).toMatch(/^emu-1\s.*\s\$0\.2000\s+stop$/);
    expect(rows[2]).toMatch(/^emu-2\s.*\s—\s+stop$/);
    // The ledger row of that call carries the same cost.
    const usage = await cli(['usage', '--json', '--by', 'model', '--data-dir', dir], dir);
    const report = JSON.parse(usage.stdout) as { rows: { key: string; cost: number | null }[] };
    expect(report.rows.find((row) => row.key === 'emu-1')?.cost).toBeCloseTo(0.2, 10);
  });

  it('refuses fewer than two models', async () => {
    const result = await cli(['compare', '--model', 'emu-1', 'Alone']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('compare needs 2 to 8 --model flags, got 1');
  });
});
