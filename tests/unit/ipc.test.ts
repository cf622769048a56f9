import { describe, expect, it, vi } from 'vitest';
import { createApi } from '../../src/preload/createApi';
import { registerIpc } from '../../src/main/ipc';
import { isAppUrl } from '../../src/main/security';
import { invokeChannels, wireChannel, type IpcHandlers } from '../../src/shared/ipc';
import { HandlerError } from '../../src/shared/result';
import { createMemoryIpcPair } from '../support/memoryIpc';
import { createCore } from '../../src/main/core/createCore';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const appUrl = 'app://switchboard/index.html';

function setup(overrides: Partial<IpcHandlers> = {}) {
  const pair = createMemoryIpcPair(appUrl);
  // The real profile and conversation channels (memory keychain, a temporary database); chat stubbed.
  const core = createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'sb-ipc-')),
    env: {},
    appInfo: { name: 'Switchboard', version: '0.0.0', platform: 'linux', shell: 'harness' },
    emit: () => undefined,
  });
  const handlers: IpcHandlers = {
    ...core.handlers,
    getAppInfo: async () => ({
      name: 'Switchboard',
      version: '0.0.0',
      platform: 'linux',
      shell: 'harness',
    }),
    sendMessage: async (req) => ({
      conversationId: req.conversationId ?? 'c1',
      userMessageId: 'u1',
      assistantMessageId: 'a1',
      streamId: 's1',
    }),
    stopStream: async () => ({ stopped: true }),
    ...overrides,
  };
  const onInternalError = vi.fn();
  registerIpc(pair.main, handlers, {
    isTrustedSender: (e) => isAppUrl(e.senderFrame?.url, appUrl),
    onInternalError,
  });
  return { pair, api: createApi(pair.renderer), onInternalError, core };
}

describe('IPC over the in-memory pair', () => {
  it('builds one named method per contract channel', () => {
    const { api } = setup();
    for (const channel of Object.keys(invokeChannels)) {
      expect(typeof (api as unknown as Record<string, unknown>)[channel]).toBe('function');
    }
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('answers a valid request with a value', async () => {
    const { api } = setup();
    await expect(api.sendMessage({ text: 'hi' })).resolves.toEqual({
      ok: true,
      value: {
        conversationId: 'c1',
        userMessageId: 'u1',
        assistantMessageId: 'a1',
        streamId: 's1',
      },
    });
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['an array', ['text']],
    ['an unknown field', { text: 'hi', admin: true }],
    ['an empty text', { text: '' }],
    ['a wrong type', { text: 12 }],
    ['a prototype-polluting key', JSON.parse('{"text":"hi","__proto__":{"polluted":true}}')],
    ['an oversized text', { text: 'x'.repeat(1_000_001) }],
  ])('refuses %s with an error value', async (_label, payload) => {
    const { pair } = setup();
    const result = (await pair.rawInvoke(wireChannel('sendMessage'), payload)) as {
      ok: boolean;
      error?: { code: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('invalid_request');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the field that was wrong', async () => {
    const { pair } = setup();
    const result = (await pair.rawInvoke(wireChannel('stopStream'), { streamId: 5 })) as {
      error: { issues: { path: string }[] };
    };
    expect(result.error.issues[0]?.path).toBe('streamId');
  });

  it('refuses a foreign sender before looking at the payload', async () => {
    const { pair, api } = setup();
    pair.setSender({ senderFrame: { url: 'https://evil.example/' } });
    expect(await api.getAppInfo({})).toEqual({
      ok: false,
      error: { code: 'forbidden_sender', message: expect.any(String) },
    });
    pair.setSender({ senderFrame: null });
    expect((await api.getAppInfo({})).ok).toBe(false);
  });

  it('turns a handler failure into an error value and keeps serving', async () => {
    const { api, onInternalError } = setup({
      getAppInfo: async () => {
        throw new Error('disk exploded at /secret/path');
      },
      stopStream: async () => {
        throw new HandlerError('not_found', 'No such stream.');
      },
    });
    const failed = await api.getAppInfo({});
    expect(failed).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: expect.not.stringContaining('/secret'),
        said: { code: 'ipc.internal', params: { channel: 'getAppInfo' } },
      },
    });
    expect(onInternalError).toHaveBeenCalledOnce();
    expect(await api.stopStream({ streamId: 'x' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No such stream.' },
    });
    expect((await api.sendMessage({ text: 'still up' })).ok).toBe(true);
  });

  it('delivers events to subscribers until they unsubscribe', () => {
    const { pair, api } = setup();
    const seen: unknown[] = [];
    const off = api.on('chatStream', (batch) => seen.push(batch.streamId));
    pair.emit('chatStream', { streamId: 's1', conversationId: 'c', messageId: 'm', events: [] });
    off();
    pair.emit('chatStream', { streamId: 's2', conversationId: 'c', messageId: 'm', events: [] });
    expect(seen).toEqual(['s1']);
  });
});

describe('a price override over IPC', () => {
  const cacheWrites = {
    inputTokens: 1_000_000,
    cacheWriteTokens: 1_000_000,
    outputTokens: 0,
    totalTokens: 1_000_000,
    source: 'provider',
  } as const;
  const override = {
    model: 'emu-cache',
    provider: 'anthropic',
    inputPerMTok: 2,
    cachedInputPerMTok: 0.2,
    outputPerMTok: 8,
  } as const;

  it('keeps a cache-write price, lists it, and the ledger bills cache writes at it', async () => {
    const { api, core } = setup();
    const saved = await api.setPriceOverride({ ...override, cacheWritePerMTok: 3 });
    expect(saved.ok && saved.value.prices.find((p) => p.model === 'emu-cache')).toMatchObject({
      cacheWritePerMTok: 3,
      origin: 'override',
    });
    expect(core.store.ledger.priceCall(cacheWrites, 'emu-cache')).toBeCloseTo(3, 10);
    // A blank write price (null) falls back to Anthropic's 1.25× the input price.
    await api.setPriceOverride({ ...override, cacheWritePerMTok: null });
    expect(core.store.ledger.priceCall(cacheWrites, 'emu-cache')).toBeCloseTo(2.5, 10);
  });

  it.each([
    ['a negative write price', -1],
    ['a write price that is text', '3'],
  ])('refuses %s at the field and keeps the price in force', async (_label, cacheWritePerMTok) => {
    const { pair, api, core } = setup();
    await api.setPriceOverride({ ...override, cacheWritePerMTok: 3 });
    const result = (await pair.rawInvoke(wireChannel('setPriceOverride'), {
      ...override,
      cacheWritePerMTok,
    })) as { ok: boolean; error?: { code: string; issues?: { path: string }[] } };
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('invalid_request');
    expect(result.error?.issues?.[0]?.path).toBe('cacheWritePerMTok');
    expect(core.store.ledger.priceCall(cacheWrites, 'emu-cache')).toBeCloseTo(3, 10);
  });
});
