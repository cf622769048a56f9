/**
 * The Gemini dialect over real loopback HTTP through the emulator (tests/emulator/geminiDialect.ts),
 * as thoroughly as Chat Completions and Messages are covered in engine.test.ts and
 * engineTimeouts.test.ts: byte-split delivery, errors after HTTP 200, 401/429/5xx, timeouts,
 * safety blocks and thoughts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeConnection } from '../../src/main/core/profiles/connectionProbe';
import { ExchangeRecorder } from '../../src/main/core/providers/exchange';
import { listModels, streamChat } from '../../src/main/core/providers/streamChat';
import type { ProviderTarget } from '../../src/main/core/providers/types';
import { startEmulator, type Emulator } from '../emulator/server';
import {
  ask,
  callsWith,
  emulatorTarget,
  runEngine,
  taggedPrompt as tag,
} from '../support/engineRun';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

const fast = { retry: { baseDelayMs: 5 } };
const target = (apiKey: string | null = 'gemini-test-key-0001') =>
  emulatorTarget(emulator, 'gemini', apiKey);
type Body = {
  contents: { role: string; parts: { text: string }[] }[];
  systemInstruction?: { parts: { text: string }[] };
  generationConfig?: Record<string, unknown>;
};

describe('gemini: answers', () => {
  it('streams text, metadata, provider usage and a stop, with no rate-limit headers to read', async () => {
    const { prompt, marker } = tag('tokens=12');
    const run = await runEngine(target(), ask(target(), prompt));
    expect(run.text).toMatch(/^You said: Question t\w+\.\n\nStreaming lets the answer/);
    expect(run.metadata).toMatchObject({ model: 'gemini-3-emu-1' });
    expect(run.metadata?.id).toBeTruthy();
    expect(run.usage).toMatchObject({ outputTokens: 12, source: 'provider' });
    expect(run.usage!.inputTokens).toBeGreaterThan(0);
    expect(run.usage!.totalTokens).toBe(run.usage!.inputTokens + run.usage!.outputTokens);
    expect(run.finish).toMatchObject({ finishReason: 'stop', providerFinishReason: 'STOP' });
    expect(run.finish.timing.ttftMs).toBeGreaterThan(0);
    expect(run.rateLimit).toBeUndefined();
    expect(run.error).toBeUndefined();
    const [call] = callsWith(emulator, marker);
    expect(call!.url).toBe('/v1beta/models/gemini-3-emu-1:streamGenerateContent?alt=sse');
  });

  it('normalizes a non-streamed answer (generateContent) to the same events', async () => {
    const { prompt, marker } = tag('tokens=9 reasoning=3 cached=7');
    const streamed = await runEngine(target(), ask(target(), prompt));
    const plain = await runEngine(target(), ask(target(), prompt, { stream: false }));
    expect(plain.text).toBe(streamed.text);
    expect(plain.reasoning).toBe(streamed.reasoning);
    expect(plain.usage).toEqual(streamed.usage);
    expect(plain.finish).toMatchObject({ finishReason: 'stop', providerFinishReason: 'STOP' });
    expect(plain.finish.timing.ttftMs).not.toBeNull();
    expect(callsWith(emulator, marker).map((r) => r.path)).toEqual([
      '/v1beta/models/gemini-3-emu-1:streamGenerateContent',
      '/v1beta/models/gemini-3-emu-1:generateContent',
    ]);
  });

  it('streams thoughts as reasoning, with thoughts and cached tokens in the usage', async () => {
    const { prompt, marker } = tag('tokens=5 reasoning=4 cached=100');
    const run = await runEngine(target(), ask(target(), prompt, { reasoningEffort: 'high' }));
    expect(run.reasoning).toBe('First I consider what ');
    expect(run.events.findIndex((e) => e.type === 'reasoning')).toBeLessThan(
      run.events.findIndex((e) => e.type === 'text'),
    );
    expect(run.usage).toMatchObject({
      cachedInputTokens: 100,
      reasoningTokens: 4,
      outputTokens: 9,
      source: 'provider',
    });
    expect(run.usage!.inputTokens).toBeGreaterThan(100);
    // Gemini 3 names take a level; the thoughts come only because they were asked for.
    const body = callsWith(emulator, marker)[0]!.body as Body;
    expect(body.generationConfig?.thinkingConfig).toEqual({
      includeThoughts: true,
      thinkingLevel: 'HIGH',
    });
  });

  it('reads the same answer through byte-by-byte delivery, CRLF, comments and multi-byte text', async () => {
    const plain = tag('tokens=14 unicode=1 reasoning=2');
    const quirky = plain.prompt.replace(']', ' bytes=1 crlf=1 comments=1]');
    const expected = await runEngine(target(), ask(target(), plain.prompt));
    const run = await runEngine(target(), ask(target(), quirky));
    expect(run.text).toBe(expected.text);
    expect(run.reasoning).toBe(expected.reasoning);
    expect(run.text).toContain('日本語');
    expect(run.text).toContain('🙂');
    expect(run.finish.finishReason).toBe('stop');
    expect(run.usage).toMatchObject({
      outputTokens: expected.usage!.outputTokens,
      reasoningTokens: 2,
      source: 'provider',
    });
  });

  it('estimates usage with a tokenizer when the provider reports none', async () => {
    const run = await runEngine(target(), ask(target(), tag('tokens=10 usage=none').prompt));
    expect(run.usage?.source).toBe('estimated');
    expect(run.finish.finishReason).toBe('stop');
  });

  it('answers a proxy that ignores streaming with the whole JSON body', async () => {
    const { marker, prompt } = tag('tokens=7 ignore_stream=1');
    const run = await runEngine(target(), ask(target(), prompt));
    expect(run.text).toMatch(/^You said: /);
    expect(run.finish.finishReason).toBe('stop');
    expect(callsWith(emulator, marker)).toHaveLength(1);
  });
});

describe('gemini: finish reasons and safety', () => {
  it.each([
    ['length', 'length', 'MAX_TOKENS'],
    ['content_filter', 'content_filter', 'SAFETY'],
    ['RECITATION', 'content_filter', 'RECITATION'],
    ['PROHIBITED_CONTENT', 'content_filter', 'PROHIBITED_CONTENT'],
  ] as const)('finish=%s ends %s (%s), the text kept', async (finish, reason, raw) => {
    for (const stream of [true, false]) {
      const run = await runEngine(
        target(),
        ask(target(), tag(`tokens=4 finish=${finish}`).prompt, { stream }),
      );
      expect(run.text).toMatch(/^You said: /);
      expect(run.error).toBeUndefined();
      expect(run.finish).toMatchObject({ finishReason: reason, providerFinishReason: raw });
    }
  });

  it('a finish that is a failure (OTHER) ends error with a message saying so', async () => {
    const run = await runEngine(target(), ask(target(), tag('tokens=4 finish=OTHER').prompt));
    expect(run.text).toMatch(/^You said: /);
    expect(run.error?.message).toMatch(/Gemini stopped the answer .*finish reason OTHER/);
    expect(run.finish).toMatchObject({ finishReason: 'error', providerFinishReason: 'OTHER' });
  });

  it.each([true, false])(
    'a prompt blocked for safety is a content_filter error, not retried (stream %s)',
    async (stream) => {
      const { prompt, marker } = tag('block=SAFETY');
      const run = await runEngine(target(), ask(target(), prompt, { stream }), fast);
      expect(run.text).toBe('');
      expect(run.error).toMatchObject({ kind: 'content_filter', status: null });
      expect(run.error?.message).toMatch(/refused the prompt \(block reason SAFETY\)/);
      expect(run.finish).toMatchObject({ finishReason: 'error', providerFinishReason: 'SAFETY' });
      expect(callsWith(emulator, marker)).toHaveLength(1);
    },
  );
});

describe('gemini: broken streams and errors after HTTP 200', () => {
  it('keeps the text of a dropped connection and ends error/interrupted', async () => {
    const run = await runEngine(target(), ask(target(), tag('tokens=20 drop=5').prompt));
    expect(run.text).toMatch(/^You said: /);
    expect(run.error?.kind).toBe('interrupted');
    expect(run.finish.finishReason).toBe('error');
    // The prompt's count came on the first chunk: kept, the output estimated.
    expect(run.usage?.source).toBe('estimated');
    expect(run.usage!.inputTokens).toBeGreaterThan(0);
  });

  it('treats a stream closed before any finish reason as interrupted', async () => {
    const run = await runEngine(target(), ask(target(), tag('tokens=20 end=4').prompt));
    expect(run.text).toMatch(/^You said: .*\n\nStreaming lets $/s);
    expect(run.error).toMatchObject({ kind: 'interrupted', status: 200 });
  });

  it('a reset right after the finish chunk leaves a complete answer', async () => {
    const { prompt, marker } = tag('tokens=9 reset=after_finish');
    const run = await runEngine(target(), ask(target(), prompt));
    expect(run.error).toBeUndefined();
    expect(run.finish.finishReason).toBe('stop');
    expect(run.usage?.source).toBe('provider');
    expect(callsWith(emulator, marker)).toHaveLength(1);
  });

  it.each([
    ['server', 'server', /internal error/],
    ['overloaded', 'overloaded', /overloaded/],
    ['rate_limit', 'rate_limit', /exhausted/],
  ] as const)(
    'an error chunk (%s) after HTTP 200 keeps the text and ends %s',
    async (type, kind, words) => {
      const { prompt, marker } = tag(`tokens=20 error_at=4 error_type=${type}`);
      const run = await runEngine(target(), ask(target(), prompt), fast);
      expect(run.text).toMatch(/\n\nStreaming lets $/);
      expect(run.error?.kind).toBe(kind);
      expect(run.error?.message).toMatch(words);
      expect(run.finish.finishReason).toBe('error');
      expect(callsWith(emulator, marker)).toHaveLength(1);
    },
  );

  it('an error chunk before any text is reported, not retried in a loop', async () => {
    const { prompt, marker } = tag('tokens=20 error_at=0 error_type=server');
    const run = await runEngine(target(), ask(target(), prompt), fast);
    expect(run.text).toBe('');
    expect(run.error?.kind).toBe('server');
    expect(callsWith(emulator, marker)).toHaveLength(1);
  });
});

describe('gemini: HTTP errors', () => {
  it.each([
    ['401', 'auth', 401],
    ['403', 'permission', 403],
    ['404', 'not_found', 404],
    ['quota', 'quota', 429],
    ['context', 'context_length', 400],
    ['400', 'bad_request', 400],
  ] as const)('fault %s is %s, never retried', async (fault, kind, status) => {
    const { prompt, marker } = tag(`fault=${fault}`);
    const run = await runEngine(target(), ask(target(), prompt), fast);
    expect(run.error).toMatchObject({ kind, status });
    expect(run.error?.message.length).toBeLessThan(400);
    expect(run.error?.message).not.toMatch(/[{}]/);
    expect(run.finish.finishReason).toBe('error');
    expect(callsWith(emulator, marker)).toHaveLength(1);
  });

  it("a wrong key: Gemini's 400 API_KEY_INVALID is auth, never retried, the key not quoted", async () => {
    const t = target('sk-bad-gemini-key-000');
    const { prompt, marker } = tag('tokens=3');
    const run = await runEngine(t, ask(t, prompt), fast);
    expect(run.error).toMatchObject({ kind: 'auth', status: 400 });
    expect(run.error?.message).toMatch(/^API key not valid/);
    expect(run.error?.message).not.toContain('sk-bad-gemini-key-000');
    expect(callsWith(emulator, marker)).toHaveLength(1);
  });

  it('an error that quotes the key whole never carries it into the error or the capture', async () => {
    const t = target('gemini-echoed-key-0001');
    const recorder = new ExchangeRecorder();
    const run = await runEngine(t, ask(t, tag('fault=401 echo_key=1').prompt), {
      ...fast,
      observer: recorder,
    });
    expect(run.error).toMatchObject({ kind: 'auth', status: 401 });
    expect(run.error?.message).toContain('Incorrect API key provided: [redacted]');
    expect(JSON.stringify(run.events)).not.toContain('gemini-echoed-key-0001');
    expect(recorder.attempts[0]?.body?.text).toContain('[redacted]');
    expect(JSON.stringify(recorder)).not.toContain('gemini-echoed-key-0001');
  });

  it('retries a 429 once, honouring retry-after-ms, then answers', async () => {
    const { prompt, marker } = tag('fault=429 times=1 retry_after_ms=150');
    const run = await runEngine(target(), ask(target(), prompt));
    expect(run.finish.finishReason).toBe('stop');
    expect(callsWith(emulator, marker)).toHaveLength(2);
    expect(run.finish.timing.totalMs).toBeGreaterThanOrEqual(150);
  });

  it('a 429 with a RetryInfo is a rate limit, whatever its quota words: waited for when short', async () => {
    const short = tag('fault=retry_info times=1');
    const answered = await runEngine(target(), ask(target(), short.prompt));
    expect(answered.finish.finishReason).toBe('stop');
    expect(callsWith(emulator, short.marker)).toHaveLength(2);
    const retried = answered.events.find((e) => e.type === 'retry');
    expect(retried).toMatchObject({ delayMs: 200, error: { kind: 'rate_limit', status: 429 } });
    const long = tag('fault=quota_rate');
    const reported = await runEngine(target(), ask(target(), long.prompt));
    expect(reported.error).toMatchObject({ kind: 'rate_limit', retryAfterMs: 53_016 });
    expect(callsWith(emulator, long.marker)).toHaveLength(1);
  });

  it('does not wait out a long retry-after: it reports it instead', async () => {
    const { prompt, marker } = tag('fault=429 retry_after=45');
    const run = await runEngine(target(), ask(target(), prompt));
    expect(run.error).toMatchObject({ kind: 'rate_limit', status: 429, retryAfterMs: 45_000 });
    expect(callsWith(emulator, marker)).toHaveLength(1);
  });

  it.each([
    ['500', 'server'],
    ['503', 'overloaded'],
  ] as const)('retries %s at most twice, then reports it as %s', async (fault, kind) => {
    const { prompt, marker } = tag(`fault=${fault}`);
    const run = await runEngine(target(), ask(target(), prompt), fast);
    expect(run.error).toMatchObject({ kind, status: Number(fault) });
    expect(callsWith(emulator, marker)).toHaveLength(3);
  });

  it('turns an HTML 502 into a short message naming the status, after retrying', async () => {
    const { prompt, marker } = tag('fault=502');
    const run = await runEngine(target(), ask(target(), prompt), fast);
    expect(run.error?.kind).toBe('server');
    expect(run.error?.message).toContain('502 Bad Gateway');
    expect(run.error?.message).not.toContain('<');
    expect(callsWith(emulator, marker)).toHaveLength(3);
  });

  it('retries a connection dropped before the first token, never one after', async () => {
    const early = tag('tokens=6 drop=0 times=1');
    const answered = await runEngine(target(), ask(target(), early.prompt), fast);
    expect(answered.finish.finishReason).toBe('stop');
    expect(callsWith(emulator, early.marker)).toHaveLength(2);
    const late = tag('tokens=10 drop=3 times=1');
    const cut = await runEngine(target(), ask(target(), late.prompt), fast);
    expect(cut.error?.kind).toBe('interrupted');
    expect(callsWith(emulator, late.marker)).toHaveLength(1);
  });
});

/** A profile's own timeouts, short so the tests stay quick. */
function withTimeouts(timeouts: { firstByteSeconds?: number; idleSeconds?: number }) {
  const t = target();
  return { ...t, profile: { ...t.profile, name: 'emu', timeouts } } satisfies ProviderTarget;
}

async function expectConnectionClosed(marker: string, endedAt: number) {
  await expect
    .poll(() => callsWith(emulator, marker)[0]?.closedAt, { timeout: 3000 })
    .toBeDefined();
  const calls = callsWith(emulator, marker);
  expect(calls).toHaveLength(1);
  expect(calls[0]!.completed).toBe(false);
  expect(Math.abs(calls[0]!.closedAt! - endedAt)).toBeLessThan(1000);
}

describe('gemini: timeouts and Stop', () => {
  it('a server that never sends a byte times out after the first-byte limit, not retried', async () => {
    const t = withTimeouts({ firstByteSeconds: 1, idleSeconds: 30 });
    const { prompt, marker } = tag('hang=1');
    const started = performance.now();
    const run = await runEngine(t, ask(t, prompt));
    const elapsed = performance.now() - started;
    expect(run.error?.kind).toBe('timeout');
    expect(run.error?.message).toMatch(
      /^Google Gemini \(emu\) sent nothing for 1 s, so Switchboard stopped waiting\./,
    );
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(3000);
    await expectConnectionClosed(marker, Date.now());
  });

  it('a stream that goes silent mid-answer times out after the idle limit, keeping the text', async () => {
    const t = withTimeouts({ firstByteSeconds: 30, idleSeconds: 1 });
    const { prompt, marker } = tag('tokens=20 stall=4');
    const run = await runEngine(t, ask(t, prompt));
    expect(run.text).toMatch(/^You said: .*\n\nStreaming lets $/s);
    expect(run.error?.kind).toBe('timeout');
    expect(run.error?.message).toMatch(/went silent for 1 s mid-answer/);
    expect(run.usage?.source).toBe('estimated');
    await expectConnectionClosed(marker, Date.now());
  });

  it('keep-alives count as life: a slow first token behind them is waited for', async () => {
    const t = withTimeouts({ firstByteSeconds: 1, idleSeconds: 1 });
    const run = await runEngine(t, ask(t, tag('tokens=5 delay=1600 comments=1').prompt));
    expect(run.error).toBeUndefined();
    expect(run.finish.finishReason).toBe('stop');
  });

  it('a non-streamed call waits as long as the idle limit, then times out', async () => {
    const t = withTimeouts({ firstByteSeconds: 1, idleSeconds: 2 });
    const { prompt, marker } = tag('hang=1');
    const started = performance.now();
    const run = await runEngine(t, ask(t, prompt, { stream: false }));
    expect(run.error?.kind).toBe('timeout');
    expect(performance.now() - started).toBeGreaterThanOrEqual(1950);
    await expectConnectionClosed(marker, Date.now());
  });

  it('stops at once: the HTTP request is aborted and the text kept', async () => {
    const { prompt, marker } = tag('tokens=400 rate=20');
    const controller = new AbortController();
    const events = [];
    let abortedAt = 0;
    for await (const event of streamChat(target(), ask(target(), prompt), {
      signal: controller.signal,
    })) {
      events.push(event);
      if (
        event.type === 'text' &&
        !abortedAt &&
        events.filter((e) => e.type === 'text').length >= 3
      ) {
        abortedAt = Date.now();
        controller.abort();
      }
    }
    expect(events.at(-1)).toMatchObject({ type: 'finish', finishReason: 'cancelled' });
    expect(events.filter((e) => e.type === 'text').length).toBeLessThan(10);
    await expect.poll(() => callsWith(emulator, marker)[0]?.closedAt).toBeDefined();
    const call = callsWith(emulator, marker)[0]!;
    expect(call.completed).toBe(false);
    expect(call.closedAt! - abortedAt).toBeLessThan(500);
  });
});

describe('gemini: the wire', () => {
  it('sends the key in x-goog-api-key only, the system instruction, roles and generation config', async () => {
    const t = target('gemini-wire-key-0001');
    const { prompt, marker } = tag('tokens=3');
    const run = await runEngine(t, {
      model: 'gemini-2.5-flash',
      system: 'Be brief.',
      messages: [
        { role: 'user', content: 'Earlier question' },
        { role: 'assistant', content: 'Earlier answer' },
        { role: 'user', content: prompt },
      ],
      temperature: 0.4,
      topP: 0.8,
      maxTokens: 50,
      stop: ['END'],
      reasoningEffort: 'medium',
    });
    expect(run.finish.finishReason).toBe('stop');
    const [call] = callsWith(emulator, marker);
    expect(call!.url).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(call!.headers['x-goog-api-key']).toBe('gemini-wire-key-0001');
    expect(call!.headers.authorization).toBeUndefined();
    // The SDK's timeout is left unset: it would add this header.
    expect(call!.headers['x-server-timeout']).toBeUndefined();
    const body = call!.body as Body;
    expect(body.contents.map((c) => c.role)).toEqual(['user', 'model', 'user']);
    expect(body.systemInstruction?.parts).toEqual([{ text: 'Be brief.' }]);
    expect(body.generationConfig).toEqual({
      temperature: 0.4,
      topP: 0.8,
      maxOutputTokens: 50,
      stopSequences: ['END'],
      // Gemini 2.x takes a budget, not a level.
      thinkingConfig: { includeThoughts: true, thinkingBudget: 8192 },
    });
  });

  it('a base URL pasted with /v1beta, and SDK environment variables, change nothing', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      GOOGLE_GENAI_USE_VERTEXAI: 'true',
      GOOGLE_GENAI_API_VERSION: 'v1',
      GOOGLE_GEMINI_BASE_URL: 'http://127.0.0.1:9',
      GOOGLE_API_KEY: 'env-key-must-not-be-sent',
    });
    try {
      const base = target('gemini-profile-key-01');
      const t = { ...base, profile: { ...base.profile, baseUrl: `${emulator.origin}/v1beta/` } };
      const { prompt, marker } = tag('tokens=3');
      const run = await runEngine(t, ask(t, prompt));
      expect(run.error).toBeUndefined();
      const [call] = callsWith(emulator, marker);
      expect(call!.path).toBe('/v1beta/models/gemini-3-emu-1:streamGenerateContent');
      expect(call!.headers['x-goog-api-key']).toBe('gemini-profile-key-01');
    } finally {
      process.env = saved;
    }
  });

  it('a thinking name whose model refuses thinkingConfig is asked once more without it, then remembered', async () => {
    const { prompt, marker } = tag('tokens=4 reasoning=2');
    for (const stream of [true, false, true]) {
      const run = await runEngine(target(), {
        ...ask(target(), prompt, { stream }),
        model: 'gemini-2.5-emu-nothink',
      });
      expect(run.error).toBeUndefined();
      expect(run.text).toMatch(/^You said: /);
      expect(run.reasoning).toBe('');
    }
    const calls = callsWith(emulator, marker);
    // The first call pays for the refusal; the next ones (streamed or not) ask without it at once.
    expect(
      calls.map((r) => (r.body as Body).generationConfig?.thinkingConfig !== undefined),
    ).toEqual([true, false, false, false]);
  });

  it('a model that does not think (by name) gets no thinkingConfig, even with an effort stored', async () => {
    const { prompt, marker } = tag('tokens=4 reasoning=2');
    const run = await runEngine(target(), {
      ...ask(target(), prompt, { reasoningEffort: 'high' }),
      model: 'gemini-2.0-flash-nothink',
    });
    expect(run.error).toBeUndefined();
    expect(run.reasoning).toBe('');
    const calls = callsWith(emulator, marker);
    expect(calls).toHaveLength(1);
    expect((calls[0]!.body as Body).generationConfig?.thinkingConfig).toBeUndefined();
  });

  it('with no key (a gateway header carries it), no x-goog-api-key goes out at all', async () => {
    const t = { ...target(null), headers: { 'X-Gateway-Auth': 'gw-secret-0001' } };
    const { prompt, marker } = tag('tokens=3');
    const run = await runEngine(t, ask(t, prompt));
    expect(run.finish.finishReason).toBe('stop');
    const [call] = callsWith(emulator, marker);
    expect(call!.headers['x-goog-api-key']).toBeUndefined();
    expect(call!.headers['x-gateway-auth']).toBe('gw-secret-0001');
  });

  it('captures the exchange with the key redacted and each chunk timed', async () => {
    const recorder = new ExchangeRecorder();
    const t = target('gemini-capture-key-01');
    const run = await runEngine(t, ask(t, tag('tokens=6').prompt), { observer: recorder });
    expect(run.finish.finishReason).toBe('stop');
    const [attempt] = recorder.attempts;
    expect(recorder.attempts).toHaveLength(1);
    expect(attempt!.request.url).toMatch(
      /\/v1beta\/models\/gemini-3-emu-1:streamGenerateContent\?alt=sse$/,
    );
    expect(attempt!.request.headers['x-goog-api-key']).toBe('[redacted]');
    expect(JSON.stringify(recorder)).not.toContain('gemini-capture-key-01');
    expect(attempt!.response?.status).toBe(200);
    expect(attempt!.events).toHaveLength(6);
    expect(JSON.parse(attempt!.events.at(-1)!.data)).toMatchObject({
      candidates: [{ finishReason: 'STOP' }],
    });
  });

  it('a model name the SDK refuses before sending is a bad request, not a network error retried', async () => {
    const run = await runEngine(target(), { ...ask(target(), 'hello'), model: 'gemini?x=1' }, fast);
    expect(run.error).toMatchObject({ kind: 'bad_request', status: null });
    expect(run.error?.message).toMatch(
      /refused the request before sending it: invalid model parameter/,
    );
    expect(run.events.some((e) => e.type === 'retry')).toBe(false);
  });

  it('refuses values outside Gemini’s ranges before sending anything', async () => {
    const { prompt, marker } = tag('tokens=3');
    const run = await runEngine(
      target(),
      ask(target(), prompt, { stop: ['1', '2', '3', '4', '5', '6'], temperature: 2.5 }),
    );
    expect(run.error?.kind).toBe('bad_request');
    expect(run.error?.message).toMatch(/Google Gemini takes a temperature from 0 to 2, not 2\.5/);
    expect(run.error?.message).toMatch(/at most 5 stop sequences/);
    expect(callsWith(emulator, marker)).toHaveLength(0);
  });

  it('lists the models that answer generateContent, without the models/ prefix', async () => {
    const result = await listModels(target());
    expect(result).toEqual({
      ok: true,
      models: [
        { id: 'gemini-3-emu-1', name: 'Gemini Emu 1' },
        { id: 'gemini-3-emu-2', name: 'Gemini Emu 2' },
      ],
    });
    const refused = await listModels(target('sk-bad-list-key-0001'));
    expect(refused).toMatchObject({ ok: false, error: { kind: 'auth', status: 400 } });
    if (!refused.ok) expect(refused.error.message).not.toContain('sk-bad-list-key-0001');
  });
});

describe('gemini: the connection test', () => {
  const probe = (apiKey: string) =>
    probeConnection({
      profile: { ...target().profile, headers: [], authMethod: 'apiKey' },
      apiKey,
      bearerToken: null,
      headers: {},
    });

  it('lists the models with the key in x-goog-api-key', async () => {
    const report = await probe('gemini-probe-key-0001');
    expect(report).toMatchObject({ ok: true, step: 'done', method: 'GET' });
    expect(report.url).toBe(`${emulator.origin}/v1beta/models?pageSize=1000`);
    // Only the models a chat can use: the embedding one answers embedContent alone.
    expect(report.models).toEqual(['gemini-3-emu-1', 'gemini-3-emu-2']);
    const call = emulator.requests.filter((r) => r.path === '/v1beta/models').at(-1);
    expect(call!.headers['x-goog-api-key']).toBe('gemini-probe-key-0001');
  });

  it("names a wrong key as the step that failed, though Gemini's status is 400", async () => {
    const report = await probe('gemini-bad-probe-key-01');
    expect(report).toMatchObject({ ok: false, step: 'auth', status: 400 });
    expect(report.message).toMatch(/^The server refused the key \(HTTP 400\)/);
    expect(report.message).toContain('API key not valid');
    expect(report.message).not.toContain('gemini-bad-probe-key-01');
  });
});
