import { messageText } from '../../src/shared/messageParts';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChatService } from '../../src/main/core/chat/ChatService';
import { ExchangeCapture } from '../../src/main/core/exchanges/ExchangeCapture';
import { createMemoryPreferences } from '../../src/main/core/preferences/PreferencesStore';
import type { ProviderType } from '../../src/main/core/providers/types';
import type { Store } from '../../src/main/core/store/Store';
import { curlCommand, keyVariableFor } from '../../src/shared/curl';
import { startEmulator, type Emulator } from '../emulator/server';
import { emulatorTarget } from '../support/engineRun';
import { tempStore } from '../unit/store/helpers';
import { fixedProfiles } from '../support/fixedProfiles';

const run = promisify(execFile);
const KEY = 'sk-inspector-secret-value-4242';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ acceptKeys: [KEY], defaultTokens: 12, defaultRate: 0 });
});
afterAll(async () => {
  await emulator?.close();
});
let current: { store: Store; dir: string } | null = null;
afterEach(() => current?.store.close());

/** The real engine against the emulator, with capture on, over a fresh store. */
function setup(type: ProviderType, enabled = true) {
  const { store, dir } = tempStore();
  current = { store, dir };
  const target = emulatorTarget(emulator, type, KEY);
  const preferences = createMemoryPreferences({
    exchangeCapture: { enabled, keepDays: 30, maxMegabytes: 100 },
  });
  const capture = new ExchangeCapture(store.exchanges, preferences);
  const chat = new ChatService({
    profiles: fixedProfiles([target]),
    emit: () => {},
    store,
    autoTitle: false,
    capture,
  });
  return { store, dir, chat };
}

async function askOnce(
  chat: ChatService,
  store: Store,
  text: string,
  stream: boolean,
): Promise<string> {
  const first = chat.send({ text: 'warm up' });
  await chat.idle();
  store.conversations.updateSettings(first.conversationId, { parameters: { stream } });
  const ids = chat.send({ conversationId: first.conversationId, text });
  await chat.idle();
  return ids.assistantMessageId;
}

/** Runs a copied command in a shell whose environment holds the key (as a person's would). */
async function runCurl(command: string, variable: string): Promise<string> {
  const { stdout } = await run('sh', ['-c', command], {
    env: { PATH: process.env.PATH, [variable]: KEY },
  });
  return stdout;
}

/** The answer text inside a raw response: a JSON body or an SSE stream, in either dialect. */
function answerIn(raw: string): string {
  if (!raw.includes('data:')) {
    const body = JSON.parse(raw) as {
      choices?: { message: { content: string } }[];
      content?: { type: string; text: string }[];
    };
    return (
      body.choices?.[0]?.message.content ?? body.content?.find((c) => c.type === 'text')?.text ?? ''
    );
  }
  let text = '';
  for (const line of raw.split(/\r?\n/)) {
    if (!line.startsWith('data:') || line.includes('[DONE]')) continue;
    const data = JSON.parse(line.slice(5)) as {
      choices?: { delta?: { content?: string } }[];
      delta?: { type?: string; text?: string };
    };
    text += data.choices?.[0]?.delta?.content ?? '';
    if (data.delta?.type === 'text_delta') text += data.delta.text ?? '';
  }
  return text;
}

describe('exchange capture', () => {
  it('keeps a streamed answer’s request, response and raw events with their times, key redacted', async () => {
    const { store, chat } = setup('openai');
    const messageId = await askOnce(chat, store, 'Inspect me [tokens=6]', true);
    const [exchange] = store.exchanges.forMessage(messageId);
    expect(exchange).toBeDefined();
    expect(exchange!.stream).toBe(true);
    const attempt = exchange!.attempts[0]!;
    expect(attempt.request.method).toBe('POST');
    expect(attempt.request.url).toBe(`${emulator.url}/chat/completions`);
    expect(attempt.request.headers.authorization).toBe('Bearer [redacted]');
    expect(JSON.parse(attempt.request.body!)).toMatchObject({ model: 'emu-1', stream: true });
    expect(attempt.response?.status).toBe(200);
    expect(attempt.response?.headers['content-type']).toContain('text/event-stream');
    expect(attempt.events.length).toBeGreaterThan(6);
    expect(attempt.events.at(-1)?.data).toBe('[DONE]');
    const times = attempt.events.map((e) => e.atMs);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(exchange!.timing?.ttftMs).toBeGreaterThan(0);
    expect(exchange!.timing!.totalMs).toBeGreaterThanOrEqual(exchange!.timing!.ttftMs!);
  });

  it('keeps the full JSON of a non-streamed answer (the conversation’s stream switch is off)', async () => {
    const { store, chat } = setup('openai');
    const messageId = await askOnce(chat, store, 'Plain please', false);
    const [exchange] = store.exchanges.forMessage(messageId);
    expect(exchange!.stream).toBe(false);
    const attempt = exchange!.attempts[0]!;
    expect(JSON.parse(attempt.request.body!).stream).toBeFalsy();
    expect(attempt.events).toEqual([]);
    const body = JSON.parse(attempt.body!.text) as { choices: { message: { content: string } }[] };
    expect(body.choices[0]!.message.content).toBe(
      messageText(store.messages.get(messageId)!.parts),
    );
    expect(store.messages.get(messageId)!.timing?.ttftMs).toBeGreaterThan(0);
  });

  it('captures nothing when capture is off', async () => {
    const { store, chat } = setup('openai', false);
    const messageId = await askOnce(chat, store, 'Not recorded', true);
    expect(messageText(store.messages.get(messageId)!.parts)).toMatch(/You said/);
    expect(store.exchanges.forMessage(messageId)).toEqual([]);
  });

  it('never writes the key to the database files', async () => {
    const { store, dir, chat } = setup('anthropic');
    await askOnce(chat, store, 'Keep my secret', true);
    await askOnce(chat, store, 'Keep it plain', false);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM exchanges').get()).toEqual({ n: 4 });
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const files = readdirSync(dir);
    for (const file of files) {
      expect(readFileSync(join(dir, file)).includes(Buffer.from(KEY)), file).toBe(false);
    }
    // The scan looked at real captures: the redacted header is there, in place of the key.
    expect(readFileSync(join(dir, 'switchboard.db')).includes(Buffer.from('[redacted]'))).toBe(
      true,
    );
  });
  it.each(['openai', 'anthropic'] as const)(
    'strikes the key out of an error body that quotes it (%s 401 echoing the key)',
    async (type) => {
      const { store, chat } = setup(type);
      const messageId = await askOnce(chat, store, 'Fail loudly [fault=401 echo_key=1]', false);
      // The emulator did quote it, so the capture had something to strike out.
      expect(emulator.requests.at(-1)?.response).toContain(KEY);
      const [exchange] = store.exchanges.forMessage(messageId);
      const body = exchange!.attempts[0]!.body!.text;
      expect(body).toContain('Incorrect API key provided: [redacted]');
      expect(body).not.toContain(KEY);
      expect(store.messages.get(messageId)!.error?.message).not.toContain(KEY);
    },
  );
});

describe.each(['openai', 'azure', 'anthropic'] as const)('Copy as cURL (%s)', (type) => {
  it.each([true, false])(
    'gives the same answer when run with the key in the environment (stream %s)',
    async (stream) => {
      const { store, chat } = setup(type);
      const messageId = await askOnce(chat, store, `Curl me ${type} ${stream}`, stream);
      const [exchange] = store.exchanges.forMessage(messageId);
      const command = curlCommand(exchange!.attempts[0]!.request, type);
      expect(command).not.toContain(KEY);
      expect(command).toContain(`$${keyVariableFor(type)}`);
      const output = await runCurl(command, keyVariableFor(type));
      expect(answerIn(output)).toBe(messageText(store.messages.get(messageId)!.parts));
    },
  );
});
