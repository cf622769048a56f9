/**
 * The providers' own web search through the engine, over real loopback HTTP to the emulator:
 * OpenAI Responses, Anthropic and Gemini answer a request that offers their search tool with
 * results and citations in their documented shapes (tests/emulator/webSearch.ts), streamed one
 * byte per write and whole; the sources fold into citation parts and the searches into usage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderTarget, ProviderType } from '../../src/main/core/providers/types';
import { foldAnswer } from '../../src/shared/answerFold';
import { citationParts } from '../../src/shared/messageParts';
import { startEmulator, type Emulator } from '../emulator/server';
import {
  ask,
  callsWith,
  emulatorTarget,
  runEngine,
  taggedPrompt as tag,
  type EngineRun,
} from '../support/engineRun';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

const searchTypes = ['openai', 'anthropic', 'gemini'] as const;

function target(type: ProviderType): ProviderTarget {
  const t = emulatorTarget(emulator, type);
  return type === 'openai' ? { ...t, profile: { ...t.profile, api: 'responses' } } : t;
}

/** The search tool as each request body carries it, or undefined when none was sent. */
function searchToolSent(type: (typeof searchTypes)[number], marker: string): unknown {
  const calls = callsWith(emulator, marker);
  expect(calls).toHaveLength(1);
  const body = calls[0]!.body as {
    tools?: { type?: string; googleSearch?: unknown }[];
  };
  const tools = body.tools ?? [];
  if (type === 'gemini') return tools.find((t) => t.googleSearch !== undefined);
  return tools.find((t) => t.type?.startsWith('web_search'));
}

const sourcesOf = (run: EngineRun) =>
  citationParts(foldAnswer(run.events).parts).map(({ url, title }) => ({ url, title }));
const expected = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    url: `https://source${i + 1}.example/page?n=${i + 1}`,
    title: `Source ${i + 1} title`,
  }));

describe.each(searchTypes)('%s with its own web search', (type) => {
  it('streamed one byte at a time: the text, its sources in order, one search counted', async () => {
    const { prompt, marker } = tag('tokens=8 search_sources=3 bytes=1');
    const run = await runEngine(target(type), ask(target(type), prompt, { webSearch: true }));
    expect(run.error).toBeUndefined();
    expect(run.finish.finishReason).toBe('stop');
    expect(run.text.length).toBeGreaterThan(0);
    expect(sourcesOf(run)).toEqual(expected(3));
    expect(run.usage).toMatchObject({ webSearchCalls: 1, source: 'provider' });
    expect(searchToolSent(type, marker)).toBeDefined();
    // The sources follow the text's start in the parts, as they came.
    expect(foldAnswer(run.events).parts[0]).toMatchObject({ type: 'text' });
  });

  it('not streamed: the same sources and count from the whole answer', async () => {
    const { prompt } = tag('tokens=5');
    const request = ask(target(type), prompt, { webSearch: true, stream: false });
    const run = await runEngine(target(type), request);
    expect(run.error).toBeUndefined();
    expect(sourcesOf(run)).toEqual(expected(2));
    expect(run.usage?.webSearchCalls).toBe(1);
  });

  it('switch off: no search tool is sent, no sources, no searches counted', async () => {
    const { prompt, marker } = tag('tokens=5');
    const run = await runEngine(target(type), ask(target(type), prompt));
    expect(run.error).toBeUndefined();
    expect(searchToolSent(type, marker)).toBeUndefined();
    expect(sourcesOf(run)).toEqual([]);
    expect(run.usage?.webSearchCalls).toBeUndefined();
  });
});

describe('an error after HTTP 200, once the search has run', () => {
  it.each(['openai', 'anthropic'] as const)(
    '%s: the text and the sources that came are kept, with the error',
    async (type) => {
      const { prompt } = tag('tokens=10 error_at=3 error_type=server bytes=1');
      const run = await runEngine(target(type), ask(target(type), prompt, { webSearch: true }), {
        retry: { baseDelayMs: 5 },
      });
      expect(run.error?.kind).toBe('server');
      expect(run.finish.finishReason).toBe('error');
      expect(run.text.length).toBeGreaterThan(0);
      expect(sourcesOf(run)).toEqual(expected(2));
    },
  );

  it('gemini: the text is kept; its grounding comes only with the last chunk, so no sources', async () => {
    const { prompt } = tag('tokens=10 error_at=3 error_type=server bytes=1');
    const run = await runEngine(
      target('gemini'),
      ask(target('gemini'), prompt, { webSearch: true }),
      { retry: { baseDelayMs: 5 } },
    );
    expect(run.error?.kind).toBe('server');
    expect(run.text.length).toBeGreaterThan(0);
    expect(sourcesOf(run)).toEqual([]);
  });
});

describe.each(searchTypes)('%s: failures of a search-enabled request', (type) => {
  const fast = { retry: { baseDelayMs: 5 } };

  it('a 429 is retried with the tool sent again, and the answer has its sources', async () => {
    const { prompt, marker } = tag('tokens=4 fault=429 times=1 retry_after_ms=5');
    const run = await runEngine(target(type), ask(target(type), prompt, { webSearch: true }), fast);
    expect(run.error).toBeUndefined();
    expect(sourcesOf(run)).toEqual(expected(2));
    const calls = callsWith(emulator, marker);
    expect(calls).toHaveLength(2);
    for (const call of calls) expect(JSON.stringify(call.body)).toMatch(/web_search|googleSearch/);
  });

  it.each(['401', '500'])('HTTP %s: a clear error, no sources', async (fault) => {
    const { prompt } = tag(`tokens=4 fault=${fault}`);
    const run = await runEngine(target(type), ask(target(type), prompt, { webSearch: true }), fast);
    expect(run.error?.kind).toBe(fault === '401' ? 'auth' : 'server');
    expect(run.error?.message.length).toBeGreaterThan(0);
    expect(sourcesOf(run)).toEqual([]);
  });

  it('a stream silent after the search and some text times out, keeping the text and sources', async () => {
    const { prompt } = tag('tokens=10 stall=3');
    const t = target(type);
    const slow = { ...t, profile: { ...t.profile, timeouts: { idleSeconds: 1 } } };
    const run = await runEngine(slow, ask(slow, prompt, { webSearch: true }), fast);
    expect(run.error?.kind).toBe('timeout');
    expect(run.text.length).toBeGreaterThan(0);
    expect(sourcesOf(run)).toEqual(type === 'gemini' ? [] : expected(2));
  });

  it('a connection dropped after the search and some text keeps what came', async () => {
    const { prompt } = tag('tokens=10 drop=3 bytes=1');
    // A connection lost after the text began is not retried (the answer keeps what came).
    const run = await runEngine(target(type), ask(target(type), prompt, { webSearch: true }), fast);
    expect(run.error?.kind).toBe('interrupted');
    expect(run.text.length).toBeGreaterThan(0);
    // Gemini's grounding would have come with the last chunk.
    expect(sourcesOf(run)).toEqual(type === 'gemini' ? [] : expected(2));
  });
});

describe('Chat Completions', () => {
  it('takes no search tool: a compatible server is sent none even when asked', async () => {
    const { prompt, marker } = tag('tokens=3');
    const t = emulatorTarget(emulator, 'openai-compatible');
    const run = await runEngine(t, ask(t, prompt, { webSearch: true }));
    expect(run.error).toBeUndefined();
    const body = callsWith(emulator, marker)[0]!.body as { tools?: unknown };
    expect(body.tools).toBeUndefined();
  });
});
