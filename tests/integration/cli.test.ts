import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/server';

const root = resolve(import.meta.dirname, '../..');
// The CLI counts its calls in the usage history: a folder of the test's own, never the user's.
const configDir = mkdtempSync(join(tmpdir(), 'switchboard-cli-config-'));
const keys = {
  OPENAI_API_KEY: 'sk-cli-openai-secret-0001',
  ANTHROPIC_API_KEY: 'sk-ant-cli-secret-0002',
  AZURE_OPENAI_API_KEY: 'azure-cli-secret-0003',
};

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** ms from spawn to the first stdout byte, and to exit. */
  firstOutputMs: number | null;
  exitMs: number;
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

/** Runs the CLI the way `npm run --silent cli --` does (tsx src/cli/index.ts), in a clean env. */
function cli(
  args: string[],
  options: { stdin?: string; env?: NodeJS.ProcessEnv; interruptAfterOutput?: boolean } = {},
): Promise<CliRun> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/index.ts', ...args],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        SWITCHBOARD_CONFIG_DIR: configDir,
        OPENAI_BASE_URL: emulator.url,
        ANTHROPIC_BASE_URL: emulator.origin,
        AZURE_OPENAI_ENDPOINT: emulator.origin,
        ...keys,
        ...options.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  let firstOutputMs: number | null = null;
  child.stdout.on('data', (chunk: Buffer) => {
    firstOutputMs ??= Date.now() - started;
    stdout += chunk.toString();
    if (options.interruptAfterOutput && stdout.includes('Streaming')) child.kill('SIGINT');
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolvePromise) => {
    child.on('close', (code) =>
      resolvePromise({ code, stdout, stderr, firstOutputMs, exitMs: Date.now() - started }),
    );
  });
}

function expectNoKey(run: CliRun) {
  for (const key of Object.values(keys)) {
    expect(run.stdout).not.toContain(key);
    expect(run.stderr).not.toContain(key);
  }
}

describe('cli ask', () => {
  it('streams the answer to stdout as it arrives and exits 0', async () => {
    const run = await cli(['ask', '--model', 'emu-1', 'Tell me [tokens=30 rate=15]']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^You said: Tell me\.\n\nStreaming lets the answer/);
    expect(run.stdout.endsWith('\n')).toBe(true);
    // 30 tokens at 15/s take 2 s: the first text must be out well before the end.
    expect(run.exitMs - run.firstOutputMs!).toBeGreaterThan(1000);
  });

  it('--json prints exactly one object of the specified shape', async () => {
    const run = await cli([
      'ask',
      '--model',
      'emu-1',
      '--json',
      '--system',
      'Be brief.',
      'Hi [tokens=6 reasoning=2 cached=4]',
    ]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(result).sort()).toEqual(
      [
        'error',
        'finishReason',
        'id',
        'model',
        'providerFinishReason',
        'reasoning',
        'refusal',
        'text',
        'timing',
        'usage',
      ].sort(),
    );
    expect(result).toMatchObject({
      text: 'You said: Hi.\n\nStreaming lets the answer ',
      reasoning: 'First I ',
      refusal: null,
      finishReason: 'stop',
      providerFinishReason: 'stop',
      model: 'emu-1',
      usage: { outputTokens: 8, cachedInputTokens: 4, reasoningTokens: 2, source: 'provider' },
      error: null,
    });
    expect(result.id).toMatch(/^chatcmpl-/);
    const timing = result.timing as { ttftMs: number; totalMs: number };
    expect(timing.ttftMs).toBeGreaterThan(0);
    expect(timing.totalMs).toBeGreaterThanOrEqual(timing.ttftMs);
    const body = emulator.requests.at(-1)?.body as { messages: { role: string }[] };
    expect(body.messages[0]).toEqual({ role: 'system', content: 'Be brief.' });
  });

  it('reads the prompt from stdin with -', async () => {
    const run = await cli(['ask', '--model', 'emu-1', '--json', '-'], {
      stdin: 'From a pipe [tokens=3]\n',
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).text).toBe('You said: From a pipe.\n\nStreaming ');
  });

  it('talks to Anthropic and Azure (deployment as --model), streamed and not', async () => {
    const anthropic = await cli([
      'ask',
      '--provider',
      'anthropic',
      '--model',
      'claude-emu-1',
      '--json',
      '--no-stream',
      'Hi [tokens=3]',
    ]);
    expect(anthropic.code).toBe(0);
    expect(JSON.parse(anthropic.stdout)).toMatchObject({
      providerFinishReason: 'end_turn',
      model: 'claude-emu-1',
      error: null,
    });
    const azure = await cli([
      'ask',
      '--provider',
      'azure',
      '--model',
      'my-deployment',
      '--json',
      'Hi [tokens=3]',
    ]);
    expect(azure.code).toBe(0);
    expect(JSON.parse(azure.stdout)).toMatchObject({
      text: 'You said: Hi.\n\nStreaming ',
      error: null,
    });
    const call = emulator.requests.filter((r) => r.path.includes('/deployments/')).at(-1);
    expect(call?.url).toMatch(
      /^\/openai\/deployments\/my-deployment\/chat\/completions\?api-version=/,
    );
    expect(call?.headers['api-key']).toBe(keys.AZURE_OPENAI_API_KEY);
  });

  it('--api responses speaks the Responses API for openai and azure, with the same --json fields', async () => {
    const openai = await cli([
      'ask',
      '--api',
      'responses',
      '--model',
      'emu-1',
      '--system',
      'Be brief.',
      '--json',
      'Hi [tokens=6 reasoning=2 cached=4]',
    ]);
    expect(openai.code).toBe(0);
    const result = JSON.parse(openai.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({
      text: 'You said: Hi.\n\nStreaming lets the answer ',
      reasoning: 'First I ',
      finishReason: 'stop',
      providerFinishReason: 'completed',
      model: 'emu-1',
      usage: { outputTokens: 8, cachedInputTokens: 4, reasoningTokens: 2, source: 'provider' },
      error: null,
    });
    expect(result.id).toMatch(/^resp_/);
    const call = emulator.requests.at(-1)!;
    expect(call.path).toBe('/v1/responses');
    expect(call.body).toMatchObject({ instructions: 'Be brief.', store: false });
    expectNoKey(openai);

    const azure = await cli([
      'ask',
      '--provider',
      'azure',
      '--api',
      'responses',
      '--model',
      'my-deployment',
      '--no-stream',
      'Hi [tokens=3]',
    ]);
    expect(azure.code).toBe(0);
    expect(azure.stdout).toBe('You said: Hi.\n\nStreaming \n');
    const azureCall = emulator.requests.at(-1)!;
    expect(azureCall.url).toBe('/openai/v1/responses');
    expect(azureCall.body).toMatchObject({ model: 'my-deployment', stream: false });
    expect(azureCall.headers['api-key']).toBe(keys.AZURE_OPENAI_API_KEY);
  });

  it('--api chat keeps Chat Completions; --api on a type with one API is bad usage', async () => {
    const chat = await cli(['ask', '--api', 'chat', '--model', 'emu-1', 'Hi [tokens=2]']);
    expect(chat.code).toBe(0);
    expect(emulator.requests.at(-1)!.path).toBe('/v1/chat/completions');
    const wrong = await cli([
      'ask',
      '--provider',
      'anthropic',
      '--api',
      'responses',
      '--model',
      'c',
      'Hi',
    ]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--api is for openai and azure only, not anthropic');
  });

  it('exits non-zero on an error, still printing the JSON, and never prints a key', async () => {
    const run = await cli([
      'ask',
      '--model',
      'emu-1',
      '--json',
      '--verbose',
      '--raw',
      'Hi [fault=401]',
    ]);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as {
      error: Record<string, unknown>;
      finishReason: string;
    };
    expect(result.finishReason).toBe('error');
    expect(result.error).toMatchObject({ kind: 'auth', status: 401 });
    expect(result.error.requestId).toMatch(/^req_/);
    expect(run.stderr).toContain('authorization: Bearer [redacted]');
    expectNoKey(run);
  });

  it('reports a refusal as one, streamed and not: "refusal" in --json, stderr otherwise, exit 1', async () => {
    for (const stream of [[], ['--no-stream']]) {
      const json = await cli([
        'ask',
        '--model',
        'emu-1',
        '--json',
        ...stream,
        'No [tokens=4 refusal=1]',
      ]);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({
        text: '',
        refusal: 'You said: No.\n\nStreaming lets ',
        finishReason: 'refusal',
        providerFinishReason: 'stop',
        error: null,
      });
    }
    const plain = await cli(['ask', '--model', 'emu-1', 'No [tokens=4 refusal=1]']);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toBe('');
    expect(plain.stderr).toBe('refusal: You said: No.\n\nStreaming lets \n');
  });

  it.each([
    [
      ['--provider', 'anthropic', '--model', 'claude-emu-1', '--temperature', '1.5'],
      /Anthropic takes a temperature from 0 to 1, not 1\.5/,
    ],
    [
      ['--model', 'emu-1', ...['a', 'b', 'c', 'd', 'e'].flatMap((s) => ['--stop', s])],
      /OpenAI takes at most 4 stop sequences, not 5/,
    ],
    [
      [
        '--provider',
        'azure',
        '--model',
        'dep',
        ...['a', 'b', 'c', 'd', 'e'].flatMap((s) => ['--stop', s]),
      ],
      /Azure OpenAI takes at most 4 stop sequences/,
    ],
  ])('refuses a value the provider does not take, before sending: %j', async (flags, message) => {
    const marker = `range${Math.random().toString(36).slice(2, 8)}`;
    const run = await cli(['ask', ...flags, `Hi ${marker}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
    expect(emulator.requests.some((r) => JSON.stringify(r.body).includes(marker))).toBe(false);
  });

  it('--verbose redacts credentials, not harmless headers named like them', async () => {
    const run = await cli(['ask', '--model', 'emu-1', '--verbose', 'Hi [tokens=3 cors=1]']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('authorization: Bearer [redacted]');
    expect(run.stderr).toContain('< access-control-allow-credentials: true');
    expect(run.stderr).toContain('< x-ratelimit-remaining-tokens: 29999000');
    expectNoKey(run);
  });

  it('keeps the partial text of a dropped stream, says why on stderr, exits 1', async () => {
    const run = await cli([
      'ask',
      '--provider',
      'anthropic',
      '--model',
      'claude-emu-1',
      'Hi [tokens=20 drop=4]',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('You said: Hi.\n\nStreaming lets \n');
    expect(run.stderr).toMatch(/^error: interrupted: /m);
    expectNoKey(run);
  });

  it('stops on Ctrl-C, keeping what came, with exit 130', async () => {
    const run = await cli(['ask', '--model', 'emu-1', 'Long [tokens=400 rate=20]'], {
      interruptAfterOutput: true,
    });
    expect(run.code).toBe(130);
    expect(run.stdout).toContain('Streaming');
    expect(run.stdout.length).toBeLessThan(400);
  });

  // Each flag rule is unit-tested (tests/unit/cliArgs.test.ts); these prove the exit path.
  it.each([[['ask', 'no model']], [['ask', '--model', 'm', '--bogus', 'x']], [['frobnicate']]])(
    'bad usage %j: a usage message and exit 2',
    async (args) => {
      const run = await cli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('usage: npm run --silent cli -- ask');
      expect(run.stdout).toBe('');
    },
  );

  it('lists models', async () => {
    const run = await cli(['models', '--provider', 'anthropic']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('claude-emu-1');
  });
});

describe('cli ask on a server that answers 200 without an API answer', () => {
  // A captive portal's login page, and a server that closes a 200 with no body: each named for
  // what it is, and asked only once (the same page would come back on a retry).
  const portalPage =
    '<!DOCTYPE html>\n<html><head><title>Hotel Wi-Fi</title></head><body><h1>Log in</h1></body></html>\n';
  let portal: Server;
  let portalUrl = '';
  const hits: string[] = [];
  beforeAll(async () => {
    portal = createServer((req, res) => {
      hits.push(req.url ?? '');
      req.resume();
      req.on('end', () => {
        if (req.url?.startsWith('/empty')) {
          res.writeHead(200, { 'content-type': 'text/event-stream' }).end();
        } else if (req.url?.startsWith('/untyped')) {
          // No content type at all: the page itself gives it away.
          res.writeHead(200).end(portalPage);
        } else {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(portalPage);
        }
      });
    });
    await new Promise<void>((done) => portal.listen(0, '127.0.0.1', done));
    portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => portal.close(() => done())));

  const html =
    'The server answered 200 with an HTML page, not an API response: a captive portal or a wrong base URL?';
  it.each([
    ['openai', '/html/v1', [], html],
    ['openai', '/untyped/v1', ['--no-stream'], html],
    ['anthropic', '/html', [], html],
    ['anthropic', '/untyped', ['--no-stream'], html],
    ['openai', '/empty/v1', [], 'The server answered 200 with an empty body.'],
    ['anthropic', '/empty', ['--no-stream'], 'The server answered 200 with an empty body.'],
  ])('%s at %s %j: says what came back, asked once', async (provider, path, flags, message) => {
    const before = hits.length;
    const model = provider === 'anthropic' ? 'claude-emu-1' : 'emu-1';
    const run = await cli(['ask', '--provider', provider, '--model', model, ...flags, 'hi'], {
      env: { OPENAI_BASE_URL: `${portalUrl}${path}`, ANTHROPIC_BASE_URL: `${portalUrl}${path}` },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error: malformed_response 200: ${message}`);
    expect(run.stderr).not.toMatch(/connection was cut|interrupted/);
    expect(hits.length - before).toBe(1);
    expectNoKey(run);
  });
});
