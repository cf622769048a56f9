import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import WebSocket from 'ws';
import { startEmulator, type Emulator } from '../emulator/server';
import { startHarnessProcess, type HarnessProcess } from '../support/harnessProcess';
import {
  FRAME_CHARS,
  MAX_FRAME_BYTES,
  MAX_MESSAGE_CHARS,
  framesFor,
} from '../../src/harness/protocol';
import { MAX_IMPORT_CHARS } from '../../src/shared/ipc';

let emulator: Emulator;
let harness: HarnessProcess;

beforeAll(async () => {
  emulator = await startEmulator();
  harness = await startHarnessProcess({
    env: { OPENAI_BASE_URL: emulator.url, OPENAI_API_KEY: 'sk-int-0000' },
  });
});
afterAll(async () => {
  await harness?.stop();
  await emulator?.close();
});

/** Opens the harness socket the way a page would, with chosen token and Origin. */
function connect(
  token: string | null,
  origin: string | undefined,
  headers: Record<string, string> = {},
): Promise<{ opened: boolean; status?: number; ws?: WebSocket }> {
  const url = new URL('/__harness/socket', harness.origin.replace('http', 'ws'));
  if (token !== null) url.searchParams.set('token', token);
  const ws = new WebSocket(url, { ...(origin ? { origin } : {}), headers });
  return new Promise((resolve) => {
    ws.once('open', () => resolve({ opened: true, ws }));
    ws.once('unexpected-response', (_req, res) =>
      resolve({ opened: false, status: res.statusCode }),
    );
    ws.once('error', () => resolve({ opened: false }));
  });
}

function call(ws: WebSocket, channel: string, payload: unknown): Promise<unknown> {
  const id = Math.floor(Math.random() * 1e9);
  return new Promise((resolve) => {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; id?: number; result?: unknown };
      if (message.type === 'result' && message.id === id) resolve(message.result);
    });
    ws.send(JSON.stringify({ type: 'invoke', id, channel, payload }));
  });
}

describe('harness socket', () => {
  it('prints a URL on a free loopback port with a token', () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
  });

  it('refuses a connection without the token', async () => {
    expect(await connect(null, harness.origin)).toMatchObject({ opened: false, status: 403 });
    expect(await connect('wrong-token', harness.origin)).toMatchObject({
      opened: false,
      status: 403,
    });
  });

  it('refuses another origin even with the token', async () => {
    expect(await connect(harness.token, 'https://evil.example')).toMatchObject({
      opened: false,
      status: 403,
    });
    expect(await connect(harness.token, 'http://localhost:1234')).toMatchObject({
      opened: false,
      status: 403,
    });
    expect(await connect(harness.token, undefined)).toMatchObject({ opened: false, status: 403 });
  });

  it("serves the page's own origin with the token, and validates what it is sent", async () => {
    const { opened, ws } = await connect(harness.token, harness.origin);
    expect(opened).toBe(true);
    expect(await call(ws!, 'switchboard:getAppInfo', {})).toMatchObject({
      ok: true,
      value: { shell: 'harness' },
    });
    expect(await call(ws!, 'switchboard:sendMessage', { text: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await call(ws!, 'switchboard:nope', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(await call(ws!, 'switchboard:__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    ws!.send('not json at all');
    // Still up after garbage.
    expect(await call(ws!, 'switchboard:getAppInfo', {})).toMatchObject({ ok: true });
    ws!.close();
  });

  it('serves the page with its CSP and no directory escape', async () => {
    const page = await fetch(harness.origin + '/');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('/__harness/bridge.js');
    const escape = await fetch(harness.origin + '/..%2f..%2fpackage.json');
    expect(escape.status).toBe(404);
  });

  it('refuses every other origin, even with the token (generated)', async () => {
    const port = new URL(harness.origin).port;
    const lookalikes = [
      `http://localhost:${port}`,
      `https://127.0.0.1:${port}`,
      `http://127.0.0.1:${Number(port) + 1}`,
      `http://127.0.0.1:${port}.evil.example`,
      'http://127.0.0.1',
      `http://[::1]:${port}`,
      `${harness.origin}/`,
      harness.origin.toUpperCase(),
      'null',
      'file://',
    ];
    const origins = fc.oneof(
      fc.webUrl().map((url) => new URL(url).origin),
      fc.constantFrom(...lookalikes),
    );
    await fc.assert(
      fc.asyncProperty(origins, async (origin) => {
        fc.pre(origin !== harness.origin);
        const result = await connect(harness.token, origin);
        result.ws?.close();
        expect(result).toMatchObject({ opened: false });
      }),
      { numRuns: 40 },
    );
  });

  it("refuses every token but this run's, from the right origin (generated)", async () => {
    const token = harness.token;
    const nearMisses = fc.oneof(
      fc.constantFrom(
        token.slice(0, -1),
        `${token}x`,
        ` ${token}`,
        token.toUpperCase(),
        encodeURIComponent(token) + '%00',
      ),
      fc
        .nat({ max: token.length - 1 })
        .map((i) => token.slice(0, i) + (token[i] === 'a' ? 'b' : 'a') + token.slice(i + 1)),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 64 }), nearMisses), async (guess) => {
        fc.pre(guess !== token);
        const result = await connect(guess, harness.origin);
        result.ws?.close();
        expect(result).toMatchObject({ opened: false });
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a forged Host (DNS rebinding), and still serves the page afterwards', async () => {
    const port = new URL(harness.origin).port;
    expect(
      await connect(harness.token, harness.origin, { host: `evil.example:${port}` }),
    ).toMatchObject({ opened: false });
    expect(
      await connect(harness.token, harness.origin, { host: `localhost:${port}` }),
    ).toMatchObject({ opened: false });
    const { opened, ws } = await connect(harness.token, harness.origin);
    expect(opened).toBe(true);
    expect(await call(ws!, 'switchboard:getAppInfo', {})).toMatchObject({ ok: true });
    ws!.close();
  });

  it('answers any message on an authenticated socket without falling over (generated)', async () => {
    const { ws } = await connect(harness.token, harness.origin);
    const channelName = fc.oneof(
      fc.constantFrom(
        'switchboard:getAppInfo',
        'switchboard:sendMessage',
        'switchboard:stopStream',
        'switchboard:constructor',
        'switchboard:',
        'getAppInfo',
      ),
      fc.string({ maxLength: 40 }),
    );
    const message = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json({ maxDepth: 4 }),
      fc
        .record({
          type: fc.constant('invoke'),
          id: fc.integer(),
          channel: channelName,
          payload: fc.jsonValue({ maxDepth: 4 }),
        })
        .map((m) => JSON.stringify(m)),
      fc
        .record({ type: fc.anything(), id: fc.anything(), channel: fc.anything() })
        .map((m) => JSON.stringify(m) ?? 'null'),
    );
    await fc.assert(
      fc.asyncProperty(message, async (text) => {
        ws!.send(text);
      }),
      { numRuns: 150 },
    );
    // Still up, and this very socket still answers.
    expect(await call(ws!, 'switchboard:getAppInfo', {})).toMatchObject({ ok: true });
    ws!.close();
    const fresh = await connect(harness.token, harness.origin);
    expect(await call(fresh.ws!, 'switchboard:getAppInfo', {})).toMatchObject({ ok: true });
    fresh.ws!.close();
  });
});

/** A raw GET with the path exactly as given (fetch would normalise `/%`), bounded in time. */
function rawGet(path: string): Promise<{ status: number | undefined; body: string }> {
  const { hostname, port } = new URL(harness.origin);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET', timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to GET ${path} in 5 s`)));
    req.on('error', reject);
    req.end();
  });
}

describe('harness requests with a bad URL', () => {
  it('answers 400 at once, and 5,000 of them leave a line or two in the crash log', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/assets/%zz.js', '/%?token=x'])
      expect(await rawGet(path)).toMatchObject({
        status: 400,
        body: expect.stringMatching(/not valid/),
      });
    const log = join(harness.dataDir, 'logs', 'main.log');
    const before = readFileSync(log, 'utf8');
    for (let round = 0; round < 100; round++)
      await Promise.all(Array.from({ length: 50 }, () => rawGet('/%')));
    // Still serving, the log not rotated, and only the 1st, 10th, 100th, 1000th… noted.
    expect((await rawGet('/')).status).toBe(200);
    expect(existsSync(join(harness.dataDir, 'logs', 'main.old.log'))).toBe(false);
    const lines = readFileSync(log, 'utf8').split('\n');
    const refused = lines.filter((line) => line.includes('request refused: malformed URL'));
    expect(refused.length).toBeGreaterThanOrEqual(3);
    expect(refused.length).toBeLessThanOrEqual(5);
    expect(refused.at(-1)).toMatch(/1000 times so far/);
    expect(lines.length - before.split('\n').length).toBeLessThanOrEqual(6);
    expect(readFileSync(log, 'utf8')).not.toMatch(/URIError|at decodeURIComponent/);
  }, 120_000);
});

/** A Switchboard export of about `megabytes` MB, its text full of what JSON must escape. */
function bigExport(megabytes: number): { content: string; messages: number } {
  const piece = 'A "quoted" line\\with a backslash, a tab\tand é ü 🙂 in it.\n'.repeat(8_000);
  const at = Date.now();
  const messages = Array.from({ length: Math.ceil((megabytes * 1e6) / piece.length) }, (_, i) => ({
    id: `m${i}`,
    conversationId: 'big',
    parentId: i === 0 ? null : `m${i - 1}`,
    role: i % 2 === 0 ? 'user' : 'assistant',
    content: piece,
    reasoning: '',
    status: 'done',
    profileId: null,
    model: null,
    parameters: null,
    finishReason: i % 2 === 0 ? null : 'stop',
    providerFinishReason: null,
    providerMessageId: null,
    usage: null,
    timing: null,
    error: null,
    createdAt: at + i,
    updatedAt: at + i,
  }));
  const content = JSON.stringify({
    format: 'switchboard.conversations',
    version: 1,
    exportedAt: at,
    conversations: [
      {
        conversation: {
          id: 'big',
          title: 'A 13 MB import',
          titleSource: 'user',
          pinned: false,
          createdAt: at,
          updatedAt: at,
          profileId: null,
          model: null,
          systemPrompt: null,
          parameters: {},
          currentLeafId: `m${messages.length - 1}`,
        },
        messages,
      },
    ],
  });
  return { content, messages: messages.length };
}

describe('harness socket limits', () => {
  it('derives its caps from the import limit: the largest accepted import fits, chunked', () => {
    // JSON's worst case is six characters for one (`\u0000`).
    expect(JSON.stringify('\u0000')).toHaveLength(8);
    expect(MAX_MESSAGE_CHARS).toBeGreaterThan(6 * MAX_IMPORT_CHARS);
    expect(MAX_FRAME_BYTES).toBeGreaterThanOrEqual(Buffer.byteLength('\uffff'.repeat(FRAME_CHARS)));
  });

  it('carries a 13 MB import in chunks, and the socket keeps answering after it', async () => {
    const { content, messages } = bigExport(13);
    expect(content.length).toBeGreaterThan(13e6);
    const { ws } = await connect(harness.token, harness.origin);
    const id = 4242;
    const text = JSON.stringify({
      type: 'invoke',
      id,
      channel: 'switchboard:importConversations',
      payload: { content, duplicates: 'keepBoth' },
    });
    const frames = framesFor(id, text);
    expect(frames.length).toBeGreaterThan(13);
    for (const frame of frames)
      expect(Buffer.byteLength(frame)).toBeLessThanOrEqual(MAX_FRAME_BYTES);
    const answer = new Promise<unknown>((resolve, reject) => {
      ws!.on('message', (data) => {
        const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
        if (message.id === id) resolve(message.result);
      });
      ws!.once('close', (code) => reject(new Error(`socket closed (${code})`)));
      setTimeout(() => reject(new Error('no answer to the import in 60 s')), 60_000);
    });
    for (const frame of frames) ws!.send(frame);
    expect(await answer).toMatchObject({
      ok: true,
      value: { conversations: 1, messages },
    });
    const listed = (await call(ws!, 'switchboard:listConversations', {})) as {
      ok: boolean;
      value: { title: string }[] | { conversations: { title: string }[] };
    };
    expect(JSON.stringify(listed)).toContain('A 13 MB import');
    ws!.close();
  }, 120_000);

  it('closes a socket that sends one frame over the cap (1009), and a new one works', async () => {
    const { ws } = await connect(harness.token, harness.origin);
    const closed = new Promise<number>((resolve) => ws!.once('close', (code) => resolve(code)));
    ws!.send('x'.repeat(MAX_FRAME_BYTES + 1));
    expect(await closed).toBe(1009);
    const fresh = await connect(harness.token, harness.origin);
    expect(await call(fresh.ws!, 'switchboard:getAppInfo', {})).toMatchObject({ ok: true });
    fresh.ws!.close();
  });
});
