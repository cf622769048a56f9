/**
 * `--provider gemini` end to end: the CLI process (tsx src/cli/index.ts, as `npm run cli` runs it)
 * against the emulator's Gemini dialect, the key from GEMINI_API_KEY or GOOGLE_API_KEY.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/server';
import { callsWith, taggedPrompt as tag } from '../support/engineRun';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const configDir = mkdtempSync(join(tmpdir(), 'switchboard-cli-gemini-'));
const GEMINI_KEY = 'gemini-cli-secret-0001';
const GOOGLE_KEY = 'google-cli-secret-0002';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
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
          GOOGLE_GEMINI_BASE_URL: emulator.origin,
          GEMINI_API_KEY: GEMINI_KEY,
          ...env,
        },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function expectNoKey(result: CliRun) {
  for (const key of [GEMINI_KEY, GOOGLE_KEY]) {
    expect(result.stdout).not.toContain(key);
    expect(result.stderr).not.toContain(key);
  }
}

describe('cli --provider gemini', () => {
  it('streams an answer with GEMINI_API_KEY in x-goog-api-key, and --json carries every field', async () => {
    const { prompt, marker } = tag('tokens=6 reasoning=3 cached=2');
    const result = await cli([
      'ask',
      '--provider',
      'gemini',
      '--model',
      'gemini-3-emu-1',
      '--json',
      '--no-record',
      prompt,
    ]);
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(answer).toMatchObject({
      text: expect.stringMatching(/^You said: Question t\w+\./),
      reasoning: 'First I consider ',
      finishReason: 'stop',
      providerFinishReason: 'STOP',
      model: 'gemini-3-emu-1',
      usage: { outputTokens: 9, reasoningTokens: 3, cachedInputTokens: 2, source: 'provider' },
      error: null,
    });
    const [call] = callsWith(emulator, marker);
    expect(call!.url).toBe('/v1beta/models/gemini-3-emu-1:streamGenerateContent?alt=sse');
    expect(call!.headers['x-goog-api-key']).toBe(GEMINI_KEY);
    expectNoKey(result);
  });

  it('takes GOOGLE_API_KEY first when both are set, as the SDK does', async () => {
    const { prompt, marker } = tag('tokens=3');
    const result = await cli(
      [
        'ask',
        '--provider',
        'gemini',
        '--model',
        'gemini-3-emu-1',
        '--no-stream',
        '--no-record',
        prompt,
      ],
      { GOOGLE_API_KEY: GOOGLE_KEY },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^You said: /);
    const [call] = callsWith(emulator, marker);
    expect(call!.path).toBe('/v1beta/models/gemini-3-emu-1:generateContent');
    expect(call!.headers['x-goog-api-key']).toBe(GOOGLE_KEY);
    expectNoKey(result);
  });

  it('a blocked prompt exits 1 saying why, and --verbose shows the key header redacted', async () => {
    const { prompt } = tag('block=SAFETY');
    const result = await cli([
      'ask',
      '--provider',
      'gemini',
      '--base-url',
      `${emulator.origin}/v1beta`,
      '--model',
      'gemini-3-emu-1',
      '--verbose',
      '--no-record',
      prompt,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refused the prompt \(block reason SAFETY\)/);
    expect(result.stderr).toMatch(/x-goog-api-key: \[redacted\]/);
    expectNoKey(result);
  });

  it('refuses a sixth stop sequence before sending, with exit 2', async () => {
    const stops = ['a', 'b', 'c', 'd', 'e', 'f'].flatMap((s) => ['--stop', s]);
    const { prompt, marker } = tag('tokens=3');
    const result = await cli([
      'ask',
      '--provider',
      'gemini',
      '--model',
      'gemini-3-emu-1',
      ...stops,
      '--no-record',
      prompt,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Google Gemini takes at most 5 stop sequences, not 6/);
    expect(callsWith(emulator, marker)).toHaveLength(0);
  });

  it('lists the models, and a wrong key is an auth error naming no key', async () => {
    const listed = await cli(['models', '--provider', 'gemini']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe('gemini-3-emu-1\tGemini Emu 1\ngemini-3-emu-2\tGemini Emu 2\n');
    const refused = await cli(['models', '--provider', 'gemini'], {
      GEMINI_API_KEY: 'gemini-bad-key-0003',
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: auth 400: API key not valid/);
    expect(refused.stderr).not.toContain('gemini-bad-key-0003');
  });

  it('compares two Gemini models at once, each on its own path', async () => {
    const { prompt, marker } = tag('tokens=5');
    const result = await cli([
      'compare',
      '--provider',
      'gemini',
      '--model',
      'gemini-3-emu-1',
      '--model',
      'gemini-3-emu-2',
      '--no-record',
      prompt,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('== gemini-3-emu-1 ==\nYou said: Question');
    expect(result.stdout).toContain('== gemini-3-emu-2 ==\nYou said: Question');
    expect(result.stdout).toMatch(/\ngemini-3-emu-2\s+\d+ ms\s+\d+\.\d\s+\d+\s+5\s+\S+\s+stop\n/);
    expect(
      callsWith(emulator, marker)
        .map((r) => r.path)
        .sort(),
    ).toEqual([
      '/v1beta/models/gemini-3-emu-1:streamGenerateContent',
      '/v1beta/models/gemini-3-emu-2:streamGenerateContent',
    ]);
    expectNoKey(result);
  });

  it('--help names the provider and its key variables', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/--provider P .*\| gemini/);
    expect(result.stdout).toContain('GOOGLE_API_KEY or\nGEMINI_API_KEY');
  });
});
