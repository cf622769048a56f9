/**
 * The OpenAI Responses API through the engine, over real loopback HTTP to the emulator's
 * responses dialect: OpenAI's `/v1/responses` and Azure's v1 path, streamed and not, with the
 * faults the Chat Completions and Messages dialects are tested with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeRecorder } from '../../src/main/core/providers/exchange';
import type { ProviderTarget, ProviderType } from '../../src/main/core/providers/types';
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
const responsesTypes: ProviderType[] = ['openai', 'azure'];

/** The emulator's profile for this type, set to the Responses API. */
function responsesTarget(type: ProviderType, extra: Partial<ProviderTarget['profile']> = {}) {
  const target = emulatorTarget(emulator, type);
  return { ...target, profile: { ...target.profile, api: 'responses' as const, ...extra } };
}

function requestOf(marker: string) {
  const calls = callsWith(emulator, marker);
  expect(calls).toHaveLength(1);
  return calls[0]!;
}

describe.each(responsesTypes)('%s over the Responses API', (type) => {
  const target = () => responsesTarget(type);

  it('streams text, metadata, provider usage, rate limits and a stop', async () => {
    const { prompt, marker } = tag('tokens=12');
    const run = await runEngine(target(), ask(target(), prompt));
    expect(run.text).toMatch(/^You said: Question t\w+\.\n\nStreaming lets the answer/);
    expect(run.metadata?.id).toMatch(/^resp_emu/);
    expect(run.metadata?.model).toBe(target().profile.defaultModel);
    expect(run.usage).toMatchObject({ outputTokens: 12, source: 'provider' });
    expect(run.usage!.inputTokens).toBeGreaterThan(0);
    expect(run.usage!.totalTokens).toBe(run.usage!.inputTokens + run.usage!.outputTokens);
    expect(run.finish).toMatchObject({ finishReason: 'stop', providerFinishReason: 'completed' });
    expect(run.finish.timing.ttftMs).toBeGreaterThan(0);
    expect(run.rateLimit?.requests?.remaining).toBeGreaterThan(0);
    expect(run.error).toBeUndefined();
    const call = requestOf(marker);
    expect(call.path).toBe(type === 'azure' ? '/openai/v1/responses' : '/v1/responses');
  });

  it('sends the history as input, the system prompt as instructions, and store: false', async () => {
    const { prompt, marker } = tag('tokens=3');
    const t = target();
    const request = {
      ...ask(t, prompt),
      // A model that reasons: only those are sent a reasoning effort (openaiReasoning.ts).
      model: 'gpt-5-mini',
      system: 'Answer briefly.',
      messages: [
        { role: 'user' as const, content: 'Earlier question' },
        { role: 'assistant' as const, content: 'Earlier answer' },
        { role: 'user' as const, content: prompt },
      ],
      temperature: 0.3,
      topP: 0.9,
      maxTokens: 200,
      reasoningEffort: 'low' as const,
    };
    const run = await runEngine(t, request);
    expect(run.error).toBeUndefined();
    expect(requestOf(marker).body).toEqual({
      model: 'gpt-5-mini',
      input: request.messages,
      instructions: 'Answer briefly.',
      stream: true,
      store: false,
      temperature: 0.3,
      top_p: 0.9,
      max_output_tokens: 200,
      reasoning: { effort: 'low', summary: 'auto' },
    });
  });

  it('normalizes a non-streamed answer to the same events', async () => {
    const { prompt } = tag('tokens=9 reasoning=3 cached=7');
    const streamed = await runEngine(target(), ask(target(), prompt));
    const plain = await runEngine(target(), ask(target(), prompt, { stream: false }));
    expect(plain.text).toBe(streamed.text);
    expect(plain.reasoning).toBe(streamed.reasoning);
    expect(plain.reasoning).toBe('First I consider ');
    expect(plain.usage).toEqual(streamed.usage);
    expect(plain.finish).toMatchObject({ finishReason: 'stop', providerFinishReason: 'completed' });
    expect(plain.finish.timing.ttftMs).not.toBeNull();
  });

  it('carries reasoning summary deltas, cached and reasoning tokens', async () => {
    const { prompt } = tag('tokens=5 reasoning=4 cached=100');
    const run = await runEngine(target(), ask(target(), prompt));
    const kinds = run.events.filter((e) => e.type === 'reasoning' || e.type === 'text');
    expect(kinds[0]?.type).toBe('reasoning');
    expect(run.reasoning).toBe('First I consider what ');
    expect(run.usage).toMatchObject({
      cachedInputTokens: 100,
      reasoningTokens: 4,
      outputTokens: 9,
      source: 'provider',
    });
    expect(run.usage!.inputTokens).toBeGreaterThan(100);
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
    expect(run.usage?.source).toBe('provider');
  });

  it.each([true, false])(
    'keeps a refusal as a refusal, finishing "refusal" (stream %s)',
    async (stream) => {
      const run = await runEngine(
        target(),
        ask(target(), tag('tokens=6 refusal=1').prompt, { stream }),
      );
      const refusal = run.events.map((e) => (e.type === 'refusal' ? e.text : '')).join('');
      expect(refusal).toMatch(/^You said: Question t\w+\.\n\nStreaming lets the answer /);
      expect(run.text).toBe('');
      expect(run.finish).toMatchObject({
        finishReason: 'refusal',
        providerFinishReason: 'completed',
      });
    },
  );

  it.each([
    ['length', 'length', 'max_output_tokens'],
    ['content_filter', 'content_filter', 'content_filter'],
  ] as const)('ends response.incomplete (finish=%s) as %s', async (finish, reason, raw) => {
    for (const stream of [true, false]) {
      const run = await runEngine(
        target(),
        ask(target(), tag(`tokens=4 finish=${finish}`).prompt, { stream }),
      );
      expect(run.text).toMatch(/^You said/);
      expect(run.error).toBeUndefined();
      expect(run.finish).toMatchObject({ finishReason: reason, providerFinishReason: raw });
      expect(run.usage?.source).toBe('provider');
    }
  });

  it('keeps the text of a dropped connection and ends error/interrupted', async () => {
    const run = await runEngine(target(), ask(target(), tag('tokens=20 drop=5').prompt));
    expect(run.text).toMatch(/^You said: /);
    expect(run.error?.kind).toBe('interrupted');
    expect(run.finish.finishReason).toBe('error');
    expect(run.usage?.source).toBe('estimated');
  });

  it('treats a stream closed before response.completed as interrupted, even after all text', async () => {
    const cut = await runEngine(target(), ask(target(), tag('tokens=20 end=4').prompt));
    expect(cut.text).toMatch(/^You said: .*\n\nStreaming lets $/s);
    expect(cut.error).toMatchObject({ kind: 'interrupted', status: 200 });
    const reset = await runEngine(
      target(),
      ask(target(), tag('tokens=6 reset=after_finish').prompt),
    );
    expect(reset.text).toMatch(/Streaming lets the answer $/);
    expect(reset.error?.kind).toBe('interrupted');
    expect(reset.finish.finishReason).toBe('error');
  });

  it.each([
    ['error_type=overloaded', 'server', /overloaded/i],
    ['error_type=rate_limit', 'rate_limit', /rate limit/i],
    ['error_form=failed', 'server', /had an error while processing/],
  ] as const)(
    'ends on an error after HTTP 200 (%s) with its kind, keeping the text',
    async (form, kind, message) => {
      const { prompt, marker } = tag(`tokens=20 error_at=4 ${form}`);
      const run = await runEngine(target(), ask(target(), prompt), fast);
      expect(run.text).toMatch(/\n\nStreaming lets $/);
      expect(run.error?.kind).toBe(kind);
      expect(run.error?.message).toMatch(message);
      expect(run.finish.finishReason).toBe('error');
      // Text had come: never retried.
      expect(callsWith(emulator, marker)).toHaveLength(1);
    },
  );

  it('estimates usage when the provider reports none', async () => {
    const run = await runEngine(target(), ask(target(), tag('tokens=10 usage=none').prompt));
    expect(run.usage?.source).toBe('estimated');
    expect(run.usage!.outputTokens).toBeGreaterThan(5);
    expect(run.finish.finishReason).toBe('stop');
  });

  it.each([
    ['401', 'auth', 401],
    ['404', 'not_found', 404],
    ['quota', 'quota', 429],
    ['context', 'context_length', 400],
  ] as const)('fault %s is %s, never retried', async (fault, kind, status) => {
    const { prompt, marker } = tag(`fault=${fault}`);
    const run = await runEngine(target(), ask(target(), prompt), fast);
    expect(run.error).toMatchObject({ kind, status });
    expect(run.error?.requestId).toBeTruthy();
    expect(run.finish.finishReason).toBe('error');
    expect(callsWith(emulator, marker)).toHaveLength(1);
  });

  it('retries a 429 once, honouring retry-after-ms, then answers', async () => {
    const { prompt, marker } = tag('fault=429 times=1 retry_after_ms=150');
    const run = await runEngine(target(), ask(target(), prompt));
    expect(run.finish.finishReason).toBe('stop');
    expect(run.text).toMatch(/^You said/);
    expect(callsWith(emulator, marker)).toHaveLength(2);
    expect(run.finish.timing.totalMs).toBeGreaterThanOrEqual(150);
  });

  it.each([
    ['500', 'server', 500],
    ['503', 'overloaded', 503],
  ] as const)('retries a %s, then reports it', async (fault, kind, status) => {
    const { prompt, marker } = tag(`fault=${fault}`);
    const run = await runEngine(target(), ask(target(), prompt), fast);
    expect(run.error).toMatchObject({ kind, status });
    expect(callsWith(emulator, marker).length).toBeGreaterThan(1);
  });

  it('turns an HTML 502 into a short message naming the status', async () => {
    const run = await runEngine(target(), ask(target(), tag('fault=502').prompt), fast);
    expect(run.error?.kind).toBe('server');
    expect(run.error?.message).toContain('502 Bad Gateway');
    expect(run.error?.message).not.toContain('<');
  });

  it('times out a server that never sends a byte, and one that goes silent mid-answer', async () => {
    const timeouts = { firstByteSeconds: 1, idleSeconds: 1 };
    const silent = responsesTarget(type, { timeouts });
    const hung = await runEngine(silent, ask(silent, tag('hang=1').prompt));
    expect(hung.error?.kind).toBe('timeout');
    expect(hung.error?.message).toMatch(/sent nothing for 1 s/);
    const stalled = await runEngine(silent, ask(silent, tag('tokens=20 stall=4').prompt));
    expect(stalled.text).toMatch(/\n\nStreaming lets $/);
    expect(stalled.error?.kind).toBe('timeout');
    expect(stalled.error?.message).toMatch(/went silent for 1 s mid-answer/);
  });

  it('captures the exchange with the key redacted and the semantic events named', async () => {
    const recorder = new ExchangeRecorder();
    const t = target();
    const run = await runEngine(t, ask(t, tag('tokens=6 reasoning=2').prompt), {
      observer: recorder,
    });
    expect(run.finish.finishReason).toBe('stop');
    const [attempt] = recorder.attempts;
    expect(JSON.stringify(recorder)).not.toContain(t.apiKey);
    const names = attempt!.events.map((e) => e.event);
    expect(names[0]).toBe('response.created');
    expect(names).toContain('response.reasoning_summary_text.delta');
    expect(names).toContain('response.output_text.delta');
    expect(names.at(-1)).toBe('response.completed');
  });
});

describe('wire details of the Responses API', () => {
  it('OpenAI sends the key as a bearer token', async () => {
    const { prompt, marker } = tag('tokens=3');
    const t = responsesTarget('openai');
    await runEngine(t, ask(t, prompt));
    expect(requestOf(marker).headers.authorization).toBe(`Bearer ${t.apiKey}`);
  });

  it('Azure calls its v1 path with an api-key header, no api-version, the deployment as model', async () => {
    const { prompt, marker } = tag('tokens=3');
    const base = responsesTarget('azure');
    const t = { ...base, profile: { ...base.profile, azure: { deployment: 'my-deploy' } } };
    const run = await runEngine(t, ask(t, prompt));
    expect(run.error).toBeUndefined();
    const call = requestOf(marker);
    expect(call.url).toBe('/openai/v1/responses');
    expect(call.headers['api-key']).toBe(t.apiKey);
    expect(call.headers.authorization).toBeUndefined();
    expect((call.body as { model: string }).model).toBe('my-deploy');
  });

  it('Azure takes the v1 base URL pasted as its endpoint', async () => {
    const { prompt, marker } = tag('tokens=3');
    const base = responsesTarget('azure');
    const t = { ...base, profile: { ...base.profile, baseUrl: `${emulator.origin}/openai/v1/` } };
    const run = await runEngine(t, ask(t, prompt));
    expect(run.error).toBeUndefined();
    expect(requestOf(marker).url).toBe('/openai/v1/responses');
  });

  it('Azure with an Entra ID token sends it as a bearer token, not api-key', async () => {
    const { prompt, marker } = tag('tokens=3');
    const t = { ...responsesTarget('azure'), apiKey: null, bearerToken: 'entra-token-0123456789' };
    const run = await runEngine(t, ask(t, prompt));
    expect(run.error).toBeUndefined();
    const call = requestOf(marker);
    expect(call.headers.authorization).toBe('Bearer entra-token-0123456789');
    expect(call.headers['api-key']).toBeUndefined();
  });

  it('without the setting, OpenAI and Azure on any server but api.openai.com use Chat Completions', async () => {
    for (const type of responsesTypes) {
      const { prompt, marker } = tag('tokens=3');
      const t = emulatorTarget(emulator, type);
      const run = await runEngine(t, ask(t, prompt));
      expect(run.error).toBeUndefined();
      expect(requestOf(marker).path).toMatch(/\/chat\/completions$/);
    }
  });

  it('refuses stop sequences, which the Responses API cannot carry, before sending anything', async () => {
    const { prompt, marker } = tag('tokens=3');
    const t = responsesTarget('openai');
    const run = await runEngine(t, ask(t, prompt, { stop: ['END'] }));
    expect(run.error).toMatchObject({ kind: 'bad_request', status: null });
    expect(run.error?.message).toMatch(
      /takes no stop sequences.*Chat Completions.*Nothing was sent\./,
    );
    expect(run.finish.finishReason).toBe('error');
    expect(callsWith(emulator, marker)).toHaveLength(0);
  });

  it.each([404, 405])(
    'a server without /responses (HTTP %s) is told of with the setting to change, not retried',
    async (status) => {
      let calls = 0;
      const lacking: typeof fetch = async () => {
        calls++;
        return new Response(JSON.stringify({ detail: 'Not Found' }), {
          status,
          headers: { 'content-type': 'application/json' },
        });
      };
      const t = responsesTarget('openai');
      const run = await runEngine(t, ask(t, tag('tokens=3').prompt), { ...fast, fetch: lacking });
      expect(run.error?.status).toBe(status);
      expect(run.error?.message).toMatch(
        /This server may not offer the Responses API: set "API" to Chat Completions/,
      );
      expect(calls).toBe(1);
    },
  );

  it('a model that does not exist keeps its own message', async () => {
    const t = responsesTarget('openai');
    const run = await runEngine(t, ask(t, tag('fault=404').prompt), fast);
    expect(run.error).toMatchObject({ kind: 'not_found', status: 404 });
    expect(run.error?.message).toMatch(/does not exist/);
    expect(run.error?.message).not.toMatch(/Responses API/);
  });

  it('api: chat keeps Chat Completions where Responses would be the default', async () => {
    const { prompt, marker } = tag('tokens=3');
    const t = responsesTarget('openai', { api: 'chat' });
    await runEngine(t, ask(t, prompt));
    expect(requestOf(marker).path).toBe('/v1/chat/completions');
  });
});
