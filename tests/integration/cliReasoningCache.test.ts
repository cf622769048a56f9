/**
 * Prompt caching and reasoning effort end to end: the real CLI process, real HTTP to the
 * emulator on loopback, and the app's real usage ledger in a folder of the test's own. The
 * emulator records each request body (cache_control, thinking, reasoning_effort as sent) and
 * reports the cache figures the prompt's script asks for (`cached=N cache_write=N`).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/server';
import { runCli, type CliRun } from '../support/cliProcess';

const configDir = mkdtempSync(join(tmpdir(), 'switchboard-cli-cache-'));

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ defaultTokens: 5, defaultRate: 0 });
});
afterAll(async () => {
  await emulator?.close();
});

function cli(args: string[]): Promise<CliRun> {
  return runCli(args, {
    SWITCHBOARD_CONFIG_DIR: configDir,
    OPENAI_BASE_URL: emulator.url,
    ANTHROPIC_BASE_URL: emulator.origin,
    OPENAI_API_KEY: 'sk-cache-test-0001',
    ANTHROPIC_API_KEY: 'sk-ant-cache-test-0002',
  });
}

/** The body the emulator received for the prompt carrying `marker`. */
function sentBody(marker: string): Record<string, unknown> {
  const found = emulator.requests.filter((r) => JSON.stringify(r.body).includes(marker));
  expect(found).toHaveLength(1);
  return found[0]!.body as Record<string, unknown>;
}

function lastLedgerRow(): Record<string, number | string | null> {
  const db = new Database(join(configDir, 'switchboard.db'), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT model, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, cost,
           cache_savings FROM usage_ledger ORDER BY id DESC LIMIT 1`,
      )
      .get() as Record<string, number | string | null>;
  } finally {
    db.close();
  }
}

const ephemeral = { type: 'ephemeral' };

describe.each([true, false])('anthropic prompt caching (stream %s)', (stream) => {
  it('sends breakpoints, reads cache writes and reads, and prices each in the ledger', async () => {
    const marker = `cache-${stream}-${Date.now()}`;
    const run = await cli([
      'ask',
      '--provider',
      'anthropic',
      '--model',
      'claude-sonnet-4-5',
      '--system',
      'Be brief.',
      '--json',
      ...(stream ? [] : ['--no-stream']),
      `${marker} [tokens=5 cached=3000 cache_write=1000]`,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const body = sentBody(marker);
    expect(body.system).toEqual([{ type: 'text', text: 'Be brief.', cache_control: ephemeral }]);
    const messages = body.messages as { role: string; content: unknown }[];
    expect(messages.at(-1)!.content).toEqual([
      { type: 'text', text: expect.stringContaining(marker) as string, cache_control: ephemeral },
    ]);
    const { usage } = JSON.parse(run.stdout) as {
      usage: { inputTokens: number; cachedInputTokens: number; cacheWriteTokens: number };
    };
    expect(usage).toMatchObject({ cachedInputTokens: 3000, cacheWriteTokens: 1000 });
    const row = lastLedgerRow();
    expect(row).toMatchObject({
      model: 'claude-sonnet-4-5',
      input_tokens: usage.inputTokens,
      cached_input_tokens: 3000,
      cache_write_tokens: 1000,
      output_tokens: 5,
    });
    // Sonnet 4.5: uncached × $3, writes × $3.75, reads × $0.30, output × $15, per million.
    const uncached = usage.inputTokens - 4000;
    const cost = (uncached * 3 + 1000 * 3.75 + 3000 * 0.3 + 5 * 15) / 1e6;
    expect(row.cost).toBeCloseTo(cost, 12);
    expect(row.cache_savings).toBeCloseTo((3000 * (3 - 0.3) - 1000 * (3.75 - 3)) / 1e6, 12);
  });
});

describe('cli --no-cache and --reasoning-effort', () => {
  it('--no-cache sends no breakpoint at all', async () => {
    const marker = `nocache-${Date.now()}`;
    const run = await cli([
      'ask',
      '--provider',
      'anthropic',
      '--model',
      'claude-sonnet-4-5',
      '--system',
      'S',
      '--no-cache',
      `${marker} [tokens=3]`,
    ]);
    expect(run.code).toBe(0);
    const body = sentBody(marker);
    expect(JSON.stringify(body)).not.toContain('cache_control');
    expect(body.system).toBe('S');
  });

  it('anthropic: a thinking budget under max_tokens, and no temperature with it', async () => {
    const marker = `think-${Date.now()}`;
    const run = await cli([
      'ask',
      '--provider',
      'anthropic',
      '--model',
      'claude-sonnet-4-5-20250929',
      '--reasoning-effort',
      'medium',
      '--temperature',
      '0.2',
      '--max-tokens',
      '1000',
      '--json',
      `${marker} [tokens=4 reasoning=3]`,
    ]);
    // The emulator refuses (400) what the API refuses: a budget not under max_tokens, a temperature.
    expect(run.code).toBe(0);
    const body = sentBody(marker);
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 8192 });
    expect(body.max_tokens).toBe(9192);
    expect(body).not.toHaveProperty('temperature');
    const result = JSON.parse(run.stdout) as { reasoning: string; usage: Record<string, number> };
    expect(result.reasoning).not.toBe('');
    expect(result.usage.reasoningTokens).toBe(3);
  });

  it('anthropic: adaptive thinking and an output effort for a model that refuses budgets', async () => {
    const marker = `adaptive-${Date.now()}`;
    const run = await cli([
      'ask',
      '--provider',
      'anthropic',
      '--model',
      'claude-opus-4-7',
      '--reasoning-effort',
      'high',
      `${marker} [tokens=3]`,
    ]);
    expect(run.code).toBe(0);
    const body = sentBody(marker);
    expect(body.thinking).toEqual({ type: 'adaptive' });
    expect(body.output_config).toEqual({ effort: 'high' });
  });

  it('openai: reasoning_effort for a reasoning model; nothing, and a note, for another', async () => {
    const reasoning = `effort-o3-${Date.now()}`;
    const o3 = await cli(['ask', '--model', 'o3', '--reasoning-effort', 'high', reasoning]);
    expect(o3.code).toBe(0);
    expect(sentBody(reasoning).reasoning_effort).toBe('high');
    const plain = `effort-4o-${Date.now()}`;
    const gpt4o = await cli(['ask', '--model', 'gpt-4o', '--reasoning-effort', 'low', plain]);
    expect(gpt4o.code).toBe(0);
    expect(sentBody(plain)).not.toHaveProperty('reasoning_effort');
    expect(gpt4o.stderr).toMatch(/gpt-4o takes no reasoning effort here; none was sent/);
  });

  it.each([
    [
      ['--reasoning-effort', 'extreme'],
      /--reasoning-effort must be one of minimal, low, medium, high, got "extreme"/,
    ],
    [['--no-cache'], /--no-cache is for --provider anthropic/],
  ])('refuses %j before sending, exit 2', async (flags, message) => {
    const before = emulator.requests.length;
    const run = await cli(['ask', '--model', 'o3', ...flags, 'hi']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(emulator.requests.length).toBe(before);
  });
});

describe('cli usage after cached calls', () => {
  it('shows the cache writes and what caching saved, in --json and in the table', async () => {
    const json = await cli(['usage', '--json', '--by', 'model']);
    expect(json.code).toBe(0);
    const { rows } = JSON.parse(json.stdout) as {
      rows: { key: string; cacheWriteTokens: number; cacheSavings: number | null }[];
    };
    const sonnet = rows.find((r) => r.key === 'claude-sonnet-4-5')!;
    // The two caching calls above (streamed and not), 1000 written and 3000 read each.
    expect(sonnet.cacheWriteTokens).toBe(2000);
    expect(sonnet.cacheSavings).toBeCloseTo((2 * (3000 * 2.7 - 1000 * 0.75)) / 1e6, 12);
    const table = await cli(['usage', '--by', 'model']);
    expect(table.stdout).toMatch(/^model\s+calls\s+input\s+cached\s+written\s+/);
    expect(table.stdout).toMatch(/claude-sonnet-4-5\s+\d+\s+[\d,]+\s+6,000\s+2,000\s/);
  });
});
