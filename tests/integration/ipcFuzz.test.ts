/**
 * Every invoke channel in the contract, fed malformed, oversized and hostile payloads through
 * the real registerIpc and the real createCore handler table, from the app's page and from a
 * foreign sender. Each bad call gets an error value; nothing throws; main keeps serving.
 * Channels are read from the contract, so new ones are covered without touching this file.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCore, type Core } from '../../src/main/core/createCore';
import { createApi } from '../../src/preload/createApi';
import { registerIpc } from '../../src/main/ipc';
import { isAppUrl } from '../../src/main/security';
import { invokeChannels, wireChannel, type InvokeChannel } from '../../src/shared/ipc';
import { ipcErrorCodes } from '../../src/shared/result';
import { startEmulator, type Emulator } from '../emulator/server';
import { createMemoryIpcPair } from '../support/memoryIpc';
import {
  anyPayload,
  extremePayloads,
  isPolluted,
  nearMissPayload,
} from '../support/hostilePayloads';

const appUrl = 'app://switchboard/index.html';
const channels = Object.keys(invokeChannels) as InvokeChannel[];
const runs = Number(process.env.FUZZ_RUNS ?? 150);

let emulator: Emulator;
let core: Core;
let pair: ReturnType<typeof createMemoryIpcPair>;
const internalErrors: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ defaultTokens: 3, defaultRate: 1000 });
  core = createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'switchboard-fuzz-')),
    env: {
      OPENAI_BASE_URL: emulator.url,
      OPENAI_API_KEY: 'sk-fuzz-0000',
      SWITCHBOARD_MODEL: 'gpt-4o-mini',
    },
    appInfo: {
      name: 'Switchboard',
      version: '0.0.0',
      platform: process.platform,
      shell: 'electron',
    },
    emit: (event, payload) => pair?.emit(event, payload),
  });
  pair = createMemoryIpcPair(appUrl);
  registerIpc(pair.main, core.handlers, {
    isTrustedSender: (event) => isAppUrl(event.senderFrame?.url, appUrl),
    onInternalError: (channel) => internalErrors.push(channel),
  });
});

afterAll(async () => {
  await core?.close();
  await emulator?.close();
});

const fieldsOf = (channel: InvokeChannel): string[] => {
  const schema = invokeChannels[channel].request as z.ZodType;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
};

/** Sends straight to main's handler, as a compromised page could (no preload in the way). */
async function callMain(channel: InvokeChannel, payload: unknown): Promise<unknown> {
  return pair.rawInvoke(wireChannel(channel), payload);
}

function expectErrorValue(result: unknown, code?: string): void {
  expect(result).toMatchObject({
    ok: false,
    error: { code: expect.any(String), message: expect.any(String) },
  });
  const error = (result as { error: { code: string } }).error;
  expect(ipcErrorCodes).toContain(error.code);
  if (code) expect(error.code).toBe(code);
}

/** What main must answer: invalid_request for what the schema refuses, a result for the rest. */
async function checkOne(channel: InvokeChannel, payload: unknown): Promise<void> {
  let valid: boolean;
  try {
    valid = invokeChannels[channel].request.safeParse(payload ?? {}).success;
  } catch {
    valid = false;
  }
  const result = await callMain(channel, payload);
  if (valid) {
    expect(result).toMatchObject({ ok: expect.any(Boolean) });
    if ((result as { ok: boolean }).ok === false) expectErrorValue(result);
  } else {
    expectErrorValue(result, 'invalid_request');
  }
  expect(isPolluted()).toBe(false);
}

async function stillServing(): Promise<void> {
  expect(await callMain('getAppInfo', {})).toMatchObject({
    ok: true,
    value: { name: 'Switchboard' },
  });
}

describe.each(channels)('IPC channel %s under hostile input', (channel) => {
  it.each(extremePayloads)('refuses %s with an error value', async (_label, payload) => {
    await checkOne(channel, payload);
    await stillServing();
  });

  it('answers any generated payload with a value, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyPayload, nearMissPayload(fieldsOf(channel))), (payload) =>
        checkOne(channel, payload),
      ),
      { numRuns: runs },
    );
    await stillServing();
  });

  it('refuses every foreign sender before reading the payload', async () => {
    const foreignUrl = fc.oneof(
      fc.webUrl(),
      fc.constantFrom(
        'file:///tmp/evil.html',
        'file:///opt/Switchboard/resources/app.asar/out/renderer/index.html',
        'app://evil/index.html',
        'app:///index.html',
        'devtools://devtools/bundled/inspector.html',
        'chrome-extension://abc/page.html',
        'about:blank',
        'data:text/html,<script>1</script>',
        '',
        'not a url',
      ),
    );
    const sender = fc.oneof(
      foreignUrl.map((url) => ({ senderFrame: { url } })),
      fc.constantFrom({}, { senderFrame: null }, { senderFrame: undefined }, { senderFrame: {} }),
      fc.constant({
        get senderFrame(): never {
          throw new Error('frame destroyed');
        },
      }),
    );
    try {
      await fc.assert(
        fc.asyncProperty(sender, fc.oneof(anyPayload, fc.constant({})), async (event, payload) => {
          pair.setSender(event as never);
          expectErrorValue(await callMain(channel, payload), 'forbidden_sender');
        }),
        { numRuns: Math.ceil(runs / 2) },
      );
    } finally {
      pair.setSender({ senderFrame: { url: appUrl } });
    }
    await stillServing();
  });
});

describe('the preload api under hostile input', () => {
  it('resolves every call with a value, even for payloads IPC cannot clone', async () => {
    const api = createApi(pair.renderer) as unknown as Record<
      InvokeChannel,
      (request: unknown) => Promise<unknown>
    >;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels), anyPayload, async (channel, payload) => {
        const result = await api[channel](payload);
        expect(result).toMatchObject({ ok: expect.any(Boolean) });
        if ((result as { ok: boolean }).ok === false) expectErrorValue(result);
      }),
      { numRuns: runs },
    );
    await stillServing();
  });
});

describe('after the barrage', () => {
  it('still streams a real answer end to end', async () => {
    const finished = new Promise<unknown>((resolve) => {
      const off = pair.renderer.on(wireChannel('chatStream'), (batch) => {
        const events = (batch as { events: { type: string }[] }).events;
        if (events.some((event) => event.type === 'finish')) {
          off();
          resolve(batch);
        }
      });
    });
    const sent = await pair.renderer.invoke(wireChannel('sendMessage'), { text: 'still there?' });
    expect(sent).toMatchObject({ ok: true, value: { streamId: expect.any(String) } });
    await expect(finished).resolves.toBeDefined();
  });

  it('logged no internal failure: every refusal was a validation, not a crash caught late', () => {
    expect(internalErrors).toEqual([]);
  });
});
