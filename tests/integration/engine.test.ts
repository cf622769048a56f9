import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeRecorder } from '../../src/main/core/providers/exchange';
import { listModels, streamChat } from '../../src/main/core/providers/streamChat';
import { startEmulator, type Emulator } from '../emulator/server';
import {
  ask,
  callsWith,
  dialects,
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

describe.each(dialects)('%s dialect', (type) => {
  const target = () => emulatorTarget(emulator, type);

  it('streams text, metadata, provider usage, rate limits and a stop', async () => {
    const { prompt } = tag('tokens=12');
    const run = await runEngine(target(), ask(target(), prompt));
    expect(run.text).toMatch(/^You said: Question t\w+\.\n\nStreaming lets the answer/);
    expect(run.metadata?.id).toBeTruthy();
    expect(run.metadata?.model).toBe(target().profile.defaultModel);
    expect(run.usage).toMatchObject({ outputTokens: 12, source: 'provider' });
    expect(run.usage!.inputTokens).toBeGreaterThan(0);
    expect(run.usage!.totalTokens).toBe(run.usage!.inputTokens + run.usage!.outputTokens);
    expect(run.finish.finishReason).toBe('stop');
    expect(run.finish.providerFinishReason).toBe(type === 'anthropic' ? 'end_turn' : 'stop');
    expect(run.finish.timing.ttftMs).toBeGreaterThan(0);
    expect(run.finish.timing.totalMs).toBeGreaterThanOrEqual(run.finish.timing.ttftMs!);
    expect(run.rateLimit?.requests?.remaining).toBeGreaterThan(0);
    expect(run.error).toBeUndefined();
  });

  it('normalizes a non-streamed answer to the same events', async () => {
    const { prompt } = tag('tokens=9 reasoning=3 cached=7');
    const streamed = await runEngine(target(), ask(target(), prompt));
    const plain = await runEngine(target(), ask(target(), prompt, { stream: false }));
    expect(plain.text).toBe(streamed.text);
    expect(plain.reasoning).toBe(streamed.reasoning);
    expect(plain.usage).toEqual(streamed.usage);
    expect(plain.finish.finishReason).toBe('stop');
    expect(plain.finish.timing.ttftMs).not.toBeNull();
  });

  it('carries reasoning deltas and cached tokens (counted inside input)', async () => {
    const { prompt } = tag('tokens=5 reasoning=4 cached=100');
    const run = await runEngine(target(), ask(target(), prompt));
    expect(run.reasoning).toBe('First I consider what ');
    expect(run.usage?.cachedInputTokens).toBe(100);
    expect(run.usage!.inputTokens).toBeGreaterThan(100);
    expect(run.usage!.outputTokens).toBe(9);
  });

  it('reads the same answer through byte-by-byte delivery, CRLF, comments and multi-byte text', async () => {
    const plain = tag('tokens=14 unicode=1');
    const quirky = `${plain.prompt.replace(']', ' bytes=1 crlf=1 comments=1]')}`;
    const expected = await runEngine(target(), ask(target(), plain.prompt));
    const run = await runEngine(target(), ask(target(), quirky));
    expect(run.text).toBe(expected.text);
    expect(run.text).toContain('日本語');
    expect(run.text).toContain('🙂');
    expect(run.finish.finishReason).toBe('stop');
  });

  it('maps the length finish', async () => {
    const run = await runEngine(target(), ask(target(), tag('tokens=4 finish=length').prompt));
    expect(run.finish).toMatchObject({
      finishReason: 'length',
      providerFinishReason: type === 'anthropic' ? 'max_tokens' : 'length',
    });
  });

  it('keeps the text of a dropped connection and ends error/interrupted', async () => {
    const run = await runEngine(target(), ask(target(), tag('tokens=20 drop=5').prompt));
    expect(run.text.split(/(?<=\s)/).length).toBeGreaterThanOrEqual(3);
    expect(run.text).toMatch(/^You said: /);
    expect(run.finish.finishReason).toBe('error');
    expect(run.error?.kind).toBe('interrupted');
    expect(run.usage?.source).toBe('estimated');
  });

  it('treats a stream closed before its end as interrupted', async () => {
    const run = await runEngine(target(), ask(target(), tag('tokens=20 end=4').prompt));
    expect(run.text).toMatch(/^You said: .*\n\nStreaming lets $/s);
    expect(run.error).toMatchObject({ kind: 'interrupted', status: 200 });
    expect(run.finish.finishReason).toBe('error');
  });

  it('ends on an in-stream error with its kind, keeping the text', async () => {
    const run = await runEngine(
      target(),
      ask(target(), tag('tokens=20 error_at=4 error_type=overloaded').prompt),
    );
    expect(run.text).toMatch(/\n\nStreaming lets $/);
    expect(run.error?.kind).toBe(type === 'anthropic' ? 'overloaded' : 'server');
    expect(run.error?.message).toMatch(/overloaded/i);
    expect(run.finish.finishReason).toBe('error');
  });

  it('estimates usage with a tokenizer when the provider reports none', async () => {
    const run = await runEngine(target(), ask(target(), tag('tokens=10 usage=none').prompt));
    expect(run.usage?.source).toBe('estimated');
    expect(run.usage!.outputTokens).toBeGreaterThan(5);
    expect(run.finish.finishReason).toBe('stop');
  });

  it.each([
    ['401', 'auth', 401],
    ['404', 'not_found', 404],
    ['quota', 'quota', type === 'anthropic' ? 400 : 429],
    ['context', 'context_length', 400],
    ['400', 'bad_request', 400],
  ] as const)('fault %s is %s, never retried', async (fault, kind, status) => {
    const { prompt, marker } = tag(`fault=${fault}`);
    const run = await runEngine(target(), ask(target(), prompt), fast);
    expect(run.error).toMatchObject({ kind, status });
    expect(run.error?.message.length).toBeLessThan(400);
    expect(run.error?.requestId).toBeTruthy();
    expect(run.finish.finishReason).toBe('error');
    expect(run.text).toBe('');
    expect(callsWith(emulator, marker)).toHaveLength(1);
  });

  it('retries a 429 once, honouring retry-after-ms, then answers', async () => {
    const { prompt, marker } = tag('fault=429 times=1 retry_after_ms=150');
    const run = await runEngine(target(), ask(target(), prompt));
    expect(run.finish.finishReason).toBe('stop');
    expect(run.text).toMatch(/^You said/);
    const calls = callsWith(emulator, marker);
    expect(calls).toHaveLength(2);
    expect(run.finish.timing.totalMs).toBeGreaterThanOrEqual(150);
  });

  it('retries 529 overloaded at most twice, honouring retry-after, then reports it', async () => {
    const { prompt, marker } = tag('fault=529 retry_after=0');
    const run = await runEngine(target(), ask(target(), prompt), fast);
    expect(run.error).toMatchObject({ kind: 'overloaded', status: 529, retryAfterMs: 0 });
    expect(callsWith(emulator, marker)).toHaveLength(3);
  });

  it('does not wait out a long retry-after: it reports it instead', async () => {
    const { prompt, marker } = tag('fault=429 retry_after=45');
    const run = await runEngine(target(), ask(target(), prompt));
    expect(run.error).toMatchObject({ kind: 'rate_limit', status: 429, retryAfterMs: 45_000 });
    expect(run.rateLimit?.requests?.remaining).toBe(0);
    expect(callsWith(emulator, marker)).toHaveLength(1);
  });

  it('turns an HTML 502 into a short message naming the status, after retrying', async () => {
    const { prompt, marker } = tag('fault=502');
    const run = await runEngine(target(), ask(target(), prompt), fast);
    expect(run.error?.kind).toBe('server');
    expect(run.error?.message).toContain('502 Bad Gateway');
    expect(run.error?.message).not.toContain('<');
    expect(callsWith(emulator, marker)).toHaveLength(3);
  });

  it('retries a connection dropped before the first token', async () => {
    const { prompt, marker } = tag('tokens=6 drop=0 times=1');
    const run = await runEngine(target(), ask(target(), prompt), fast);
    expect(run.finish.finishReason).toBe('stop');
    expect(run.text).toMatch(/^You said/);
    expect(callsWith(emulator, marker)).toHaveLength(2);
  });

  it('never retries once text has arrived', async () => {
    const { prompt, marker } = tag('tokens=10 drop=3 times=1');
    const run = await runEngine(target(), ask(target(), prompt), fast);
    expect(run.error?.kind).toBe('interrupted');
    expect(callsWith(emulator, marker)).toHaveLength(1);
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
    const finish = events.at(-1);
    expect(finish).toMatchObject({ type: 'finish', finishReason: 'cancelled' });
    expect(Date.now() - abortedAt).toBeLessThan(500);
    expect(events.filter((e) => e.type === 'text').length).toBeLessThan(10);
    await expect.poll(() => callsWith(emulator, marker)[0]?.closedAt).toBeDefined();
    const call = callsWith(emulator, marker)[0]!;
    expect(call.completed).toBe(false);
    expect(call.closedAt! - abortedAt).toBeLessThan(500);
  });

  it('captures the exchange with the key redacted and raw events timed', async () => {
    const recorder = new ExchangeRecorder();
    const t = target();
    const run = await runEngine(t, ask(t, tag('tokens=6').prompt), { observer: recorder });
    expect(run.finish.finishReason).toBe('stop');
    expect(recorder.attempts).toHaveLength(1);
    const [attempt] = recorder.attempts;
    expect(attempt!.request.method).toBe('POST');
    expect(attempt!.request.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(JSON.parse(attempt!.request.body!)).toMatchObject({
      model: t.profile.defaultModel,
      stream: true,
    });
    expect(JSON.stringify(recorder)).not.toContain(t.apiKey);
    expect(attempt!.response?.status).toBe(200);
    const events = attempt!.events;
    expect(events.length).toBeGreaterThan(6);
    expect(events.every((e, i) => i === 0 || e.atMs >= events[i - 1]!.atMs)).toBe(true);
    if (type === 'anthropic') expect(events.map((e) => e.event)).toContain('message_stop');
    else expect(events.at(-1)?.data).toBe('[DONE]');
  });

  it('lists the models the profile offers', async () => {
    const result = await listModels(target());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.models.map((m) => m.id).length).toBeGreaterThan(0);
  });
});

describe('wire details per provider', () => {
  it('OpenAI asks for usage in the stream and sends the key as a bearer token', async () => {
    const t = emulatorTarget(emulator, 'openai', 'sk-openai-test-0001');
    const { prompt, marker } = tag('tokens=3');
    await runEngine(t, ask(t, prompt, { system: 'Be brief.', maxTokens: 50 }));
    const [call] = callsWith(emulator, marker);
    expect(call!.headers.authorization).toBe('Bearer sk-openai-test-0001');
    expect(call!.body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: 50,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: prompt },
      ],
    });
  });

  it('Azure calls the deployment URL with api-version and an api-key header', async () => {
    const t = emulatorTarget(emulator, 'azure', 'azure-test-key-0001');
    const { prompt, marker } = tag('tokens=3');
    const run = await runEngine(t, ask(t, prompt));
    expect(run.finish.finishReason).toBe('stop');
    const [call] = callsWith(emulator, marker);
    expect(call!.url).toBe(
      '/openai/deployments/deploy-emu/chat/completions?api-version=2024-10-21',
    );
    expect(call!.headers['api-key']).toBe('azure-test-key-0001');
    expect(call!.headers.authorization).toBeUndefined();
  });

  it('Azure content filter errors are content_filter, never retried', async () => {
    const t = emulatorTarget(emulator, 'azure');
    const { prompt, marker } = tag('fault=filter');
    const run = await runEngine(t, ask(t, prompt), fast);
    expect(run.error).toMatchObject({ kind: 'content_filter', status: 400 });
    expect(callsWith(emulator, marker)).toHaveLength(1);
  });

  it('Anthropic gets x-api-key, anthropic-version, a top-level system and a default max_tokens', async () => {
    const t = emulatorTarget(emulator, 'anthropic', 'sk-ant-test-0001');
    const { prompt, marker } = tag('tokens=3');
    await runEngine(t, ask(t, prompt, { system: 'Be brief.' }));
    const [call] = callsWith(emulator, marker);
    expect(call!.path).toBe('/v1/messages');
    expect(call!.headers['x-api-key']).toBe('sk-ant-test-0001');
    expect(call!.headers['anthropic-version']).toBeTruthy();
    expect(call!.headers.authorization).toBeUndefined();
    // The system prompt goes as one text block, carrying the prompt-caching breakpoint.
    expect(call!.body).toMatchObject({
      system: [{ type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } }],
      max_tokens: 4096,
      stream: true,
    });
    expect((call!.body as { messages: { role: string }[] }).messages.map((m) => m.role)).toEqual([
      'user',
    ]);
  });

  it('Anthropic refusal is a content_filter finish', async () => {
    const t = emulatorTarget(emulator, 'anthropic');
    const run = await runEngine(t, ask(t, tag('tokens=3 finish=content_filter').prompt));
    expect(run.finish).toMatchObject({
      finishReason: 'content_filter',
      providerFinishReason: 'refusal',
    });
  });

  it('gateway headers go out, a custom auth header wins, and capture redacts the secret ones', async () => {
    const base = emulatorTarget(emulator, 'openai-compatible', null);
    const t = {
      ...base,
      headers: { 'X-Gateway-Auth': 'gw-secret-value-123', 'X-Title': 'Switchboard' },
      secretHeaderNames: ['X-Gateway-Auth'],
    };
    const recorder = new ExchangeRecorder();
    const { prompt, marker } = tag('tokens=3');
    const run = await runEngine(t, ask(t, prompt), { observer: recorder });
    expect(run.finish.finishReason).toBe('stop');
    const [call] = callsWith(emulator, marker);
    expect(call!.headers['x-gateway-auth']).toBe('gw-secret-value-123');
    expect(call!.headers['x-title']).toBe('Switchboard');
    expect(call!.headers.authorization).toBeUndefined();
    const captured = recorder.attempts[0]!.request.headers;
    expect(captured['x-gateway-auth']).toBe('[redacted]');
    expect(captured['x-title']).toBe('Switchboard');
  });

  it('Azure with an Entra ID token sends it as a bearer token, not api-key', async () => {
    const t = { ...emulatorTarget(emulator, 'azure', null), bearerToken: 'entra-token-0123456789' };
    const { prompt, marker } = tag('tokens=3');
    const run = await runEngine(t, ask(t, prompt));
    expect(run.finish.finishReason).toBe('stop');
    const [call] = callsWith(emulator, marker);
    expect(call!.headers.authorization).toBe('Bearer entra-token-0123456789');
    expect(call!.headers['api-key']).toBeUndefined();
  });

  it('a local compatible server gets no Authorization header when there is no key', async () => {
    const t = emulatorTarget(emulator, 'openai-compatible', null);
    const { prompt, marker } = tag('tokens=3');
    const run = await runEngine(t, ask(t, prompt));
    expect(run.finish.finishReason).toBe('stop');
    expect(callsWith(emulator, marker)[0]!.headers.authorization).toBeUndefined();
  });

  it('compatible servers: `reasoning` deltas (OpenRouter, Ollama) as well as reasoning_content', async () => {
    const t = emulatorTarget(emulator, 'openai-compatible', null);
    const run = await runEngine(
      t,
      ask(t, tag('tokens=3 reasoning=2 reasoning_field=reasoning').prompt),
    );
    expect(run.reasoning).toBe('First I ');
  });

  it('a stream that ends with [DONE] but never names a finish_reason is complete', async () => {
    const t = emulatorTarget(emulator, 'openai-compatible', null);
    const run = await runEngine(t, ask(t, tag('tokens=5 finish=none').prompt));
    expect(run.error).toBeUndefined();
    expect(run.finish).toMatchObject({ finishReason: 'stop', providerFinishReason: null });
    // Without [DONE] as well, it was cut off.
    const cut = await runEngine(t, ask(t, tag('tokens=5 end=3').prompt));
    expect(cut.error?.kind).toBe('interrupted');
  });

  it('a server that rejects stream_options is asked again without it', async () => {
    const t = emulatorTarget(emulator, 'openai-compatible', null);
    const { prompt, marker } = tag('tokens=4 fault=stream_options');
    const run = await runEngine(t, ask(t, prompt));
    expect(run.finish.finishReason).toBe('stop');
    expect(run.usage?.source).toBe('estimated');
    const calls = callsWith(emulator, marker);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.body).not.toHaveProperty('stream_options');
  });

  it.each([
    ['groq', 'server'],
    ['openrouter', 'server'],
    ['openai', 'server'],
  ] as const)(
    'in-stream error in the %s form keeps the text and ends as %s',
    async (form, kind) => {
      const t = emulatorTarget(emulator, 'openai-compatible', null);
      const run = await runEngine(t, ask(t, tag(`tokens=12 error_at=5 error_form=${form}`).prompt));
      expect(run.text).toMatch(/^You said: .*\n\nStreaming lets the $/s);
      expect(run.error?.kind).toBe(kind);
      expect(run.error?.message).toContain('The server had an error');
      expect(run.finish.finishReason).toBe('error');
    },
  );

  it.each(dialects)(
    "a wrong key is refused with the %s dialect's 401, never retried",
    async (type) => {
      const t = emulatorTarget(emulator, type, 'sk-bad-key-000000');
      const { prompt, marker } = tag('tokens=3');
      const run = await runEngine(t, ask(t, prompt), fast);
      expect(run.error).toMatchObject({ kind: 'auth', status: 401 });
      expect(run.error?.message).not.toContain('sk-bad-key-000000');
      expect(callsWith(emulator, marker)).toHaveLength(1);
    },
  );

  it('a refused connection is a network error, retried, then reported', async () => {
    const closed = await startEmulator();
    const t = emulatorTarget(closed, 'openai');
    await closed.close();
    const run = await runEngine(t, ask(t, 'hello'), fast);
    expect(run.error?.kind).toBe('network');
    expect(run.error?.message).toMatch(/refused/);
    expect(run.finish.finishReason).toBe('error');
  });
});
