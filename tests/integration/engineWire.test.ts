/**
 * Wire cases found by replaying recorded provider streams and an independent spec mock: each
 * over real loopback HTTP through the emulator, for every dialect it concerns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeRecorder } from '../../src/main/core/providers/exchange';
import type { ProviderType } from '../../src/main/core/providers/types';
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

const openAIDialects: ProviderType[] = ['openai', 'azure', 'openai-compatible'];
const target = (type: ProviderType) => emulatorTarget(emulator, type);

describe.each(openAIDialects)('%s: a refusal', (type) => {
  it.each([true, false])(
    'is kept as a refusal, finishing "refusal" (stream %s)',
    async (stream) => {
      const { prompt } = tag('tokens=6 refusal=1');
      const run = await runEngine(target(type), ask(target(type), prompt, { stream }));
      const refusal = run.events
        .filter((e) => e.type === 'refusal')
        .map((e) => (e.type === 'refusal' ? e.text : ''))
        .join('');
      expect(refusal).toMatch(/^You said: Question t\w+\.\n\nStreaming lets the answer /);
      expect(run.text).toBe('');
      expect(run.error).toBeUndefined();
      expect(run.finish).toMatchObject({ finishReason: 'refusal', providerFinishReason: 'stop' });
      expect(run.usage?.source).toBe('provider');
    },
  );
});

describe.each(dialects)('%s: a proxy that ignores stream: true', (type) => {
  it('has its whole JSON body read as the answer, in one request', async () => {
    const { marker, prompt } = tag('tokens=7 ignore_stream=1');
    const run = await runEngine(target(type), ask(target(type), prompt));
    expect(run.text).toMatch(/^You said: Question t\w+\.\n\nStreaming lets the answer /);
    expect(run.error).toBeUndefined();
    expect(run.finish.finishReason).toBe('stop');
    expect(run.usage?.source).toBe('provider');
    expect(callsWith(emulator, marker)).toHaveLength(1);
    expect((callsWith(emulator, marker)[0]!.body as { stream: boolean }).stream).toBe(true);
  });
});

describe.each(['openai', 'openai-compatible'] as ProviderType[])('%s: the end marker', (type) => {
  it('text then [DONE] with no finish_reason is a complete answer of unknown reason', async () => {
    const run = await runEngine(
      target(type),
      ask(target(type), tag('tokens=6 finish=none').prompt),
    );
    expect(run.text).toMatch(/Streaming lets the answer $/);
    expect(run.error).toBeUndefined();
    expect(run.finish).toMatchObject({ finishReason: 'stop', providerFinishReason: null });
  });

  it('"[DONE]" inside the content is text, not the end of the stream', async () => {
    const whole = await runEngine(
      target(type),
      ask(target(type), tag('answer=done-marker').prompt),
    );
    expect(whole.text).toBe(
      'An OpenAI stream ends with a line that reads data: [DONE] and nothing else.',
    );
    expect(whole.finish.finishReason).toBe('stop');
    // Closed right after the token " [DONE]", with no finish_reason and no end marker: cut off.
    const cut = await runEngine(
      target(type),
      ask(target(type), tag('answer=done-marker end=11').prompt),
    );
    expect(cut.text).toBe('An OpenAI stream ends with a line that reads data: [DONE]');
    expect(cut.error?.kind).toBe('interrupted');
    expect(cut.finish.finishReason).toBe('error');
  });
});

describe.each(dialects)('%s: a connection reset after the finish reason', (type) => {
  it('leaves a complete answer, not an interrupted one', async () => {
    const { marker, prompt } = tag('tokens=9 reset=after_finish');
    const run = await runEngine(target(type), ask(target(type), prompt));
    expect(run.text).toMatch(/^You said: .*Streaming lets the answer appear while the $/s);
    expect(run.error).toBeUndefined();
    expect(run.finish.finishReason).toBe('stop');
    expect(callsWith(emulator, marker)).toHaveLength(1);
  });
});

describe('anthropic usage', () => {
  it('keeps the input tokens reported before an error mid-stream, estimating only the output', async () => {
    const { marker, prompt } = tag('tokens=20 error_at=6 cached=5 cache_write=3');
    const run = await runEngine(target('anthropic'), ask(target('anthropic'), prompt));
    expect(run.error?.kind).toBe('server');
    const sent = callsWith(emulator, marker)[0]!.response;
    const start = JSON.parse(/data: (\{"type":"message_start".*)/.exec(sent)![1]!) as {
      message: { usage: Record<string, number> };
    };
    const reported = start.message.usage;
    expect(run.usage).toMatchObject({
      inputTokens:
        reported.input_tokens! +
        reported.cache_read_input_tokens! +
        reported.cache_creation_input_tokens!,
      cachedInputTokens: 5,
      cacheWriteTokens: 3,
      source: 'estimated',
    });
    expect(run.usage!.outputTokens).toBeGreaterThan(3);
    expect(run.usage!.totalTokens).toBe(run.usage!.inputTokens + run.usage!.outputTokens);
  });

  it.each([true, false])(
    'reports cache writes and reads apart, byte by byte too (stream %s)',
    async (stream) => {
      const { prompt } = tag('tokens=6 cached=700 cache_write=300 bytes=1');
      const run = await runEngine(
        target('anthropic'),
        ask(target('anthropic'), prompt, { stream }),
      );
      expect(run.error).toBeUndefined();
      expect(run.usage).toMatchObject({
        cachedInputTokens: 700,
        cacheWriteTokens: 300,
        source: 'provider',
      });
      expect(run.usage!.inputTokens).toBeGreaterThan(1000);
    },
  );

  it.each([true, false])(
    'carries thinking tokens into reasoningTokens (stream %s)',
    async (stream) => {
      const { prompt } = tag('tokens=5 reasoning=4');
      const run = await runEngine(
        target('anthropic'),
        ask(target('anthropic'), prompt, { stream }),
      );
      expect(run.usage).toMatchObject({ reasoningTokens: 4, outputTokens: 9, source: 'provider' });
    },
  );
});

describe('values outside a provider’s documented range', () => {
  it.each([
    ['anthropic', { temperature: 1.5 }, /Anthropic takes a temperature from 0 to 1, not 1\.5/],
    ['openai', { stop: ['a', 'b', 'c', 'd', 'e'] }, /OpenAI takes at most 4 stop sequences/],
    ['azure', { stop: ['a', 'b', 'c', 'd', 'e'] }, /Azure OpenAI takes at most 4 stop sequences/],
    ['openai', { temperature: 2.5 }, /OpenAI takes a temperature from 0 to 2, not 2\.5/],
  ] as const)('are refused before sending: %s %j', async (type, values, message) => {
    const { marker, prompt } = tag('tokens=3');
    const recorder = new ExchangeRecorder();
    const run = await runEngine(
      target(type),
      ask(target(type), prompt, { ...values, stop: 'stop' in values ? [...values.stop] : [] }),
      { observer: recorder },
    );
    expect(run.error).toMatchObject({ kind: 'bad_request', status: null });
    expect(run.error?.message).toMatch(message);
    expect(run.finish.finishReason).toBe('error');
    expect(callsWith(emulator, marker)).toHaveLength(0);
    expect(recorder.attempts).toHaveLength(0);
  });

  it('go out as they are where the provider takes them', async () => {
    const { marker, prompt } = tag('tokens=3');
    const stop = ['a', 'b', 'c', 'd', 'e'];
    const anthropic = await runEngine(
      target('anthropic'),
      ask(target('anthropic'), prompt, { temperature: 1, stop }),
    );
    const compatible = await runEngine(
      target('openai-compatible'),
      ask(target('openai-compatible'), prompt, { temperature: 1.5, stop }),
    );
    expect(anthropic.error).toBeUndefined();
    expect(compatible.error).toBeUndefined();
    const bodies = callsWith(emulator, marker).map((r) => r.body as Record<string, unknown>);
    expect(bodies[0]).toMatchObject({ temperature: 1, stop_sequences: stop });
    expect(bodies[1]).toMatchObject({ temperature: 1.5, stop });
  });

  it('check the profile’s own default temperature too', async () => {
    const base = target('anthropic');
    const withDefault = { ...base, profile: { ...base.profile, params: { temperature: 1.2 } } };
    const { marker, prompt } = tag('tokens=3');
    const run = await runEngine(withDefault, ask(withDefault, prompt));
    expect(run.error?.message).toMatch(/temperature from 0 to 1, not 1\.2/);
    expect(callsWith(emulator, marker)).toHaveLength(0);
  });
});
