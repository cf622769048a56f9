import { describe, expect, it } from 'vitest';
import { responsesBody } from '../../src/main/core/providers/responsesApi';
import { anthropicRequestBody } from '../../src/main/core/providers/anthropicMessages';
import { geminiParameters } from '../../src/main/core/providers/geminiRequest';
import { responsesAnswerReader } from '../../src/main/core/providers/responsesEvents';
import { anthropicAnswerReader } from '../../src/main/core/providers/anthropicEvents';
import { geminiAnswerReader } from '../../src/main/core/providers/geminiEvents';
import type {
  AdapterEvent,
  AnswerReader,
  ChatRequest,
  ProviderTarget,
} from '../../src/main/core/providers/types';
import type { ProviderType } from '../../src/shared/profiles';
import { foldAnswer } from '../../src/shared/answerFold';
import { messagePartsSchema } from '../../src/shared/messagePartSchema';
import { appendDelta } from '../../src/shared/messageParts';
import { costOf } from '../../src/shared/pricing';
import { isWebUrl, offersWebSearch, sourceDomain, withCitation } from '../../src/shared/webSearch';

const target = (type: ProviderType, baseUrl: string): ProviderTarget => ({
  profile: { id: 'p', name: 'p', type, baseUrl, defaultModel: 'm' },
  apiKey: 'k',
});
const ask = (webSearch: boolean): ChatRequest => ({
  model: 'm',
  messages: [{ role: 'user', content: 'News?' }],
  ...(webSearch ? { webSearch } : {}),
});
const tool = { name: 'docs__find', description: 'Find', parameters: { type: 'object' } };

function read(reader: AnswerReader, events: { event: string | null; data: object }[]) {
  const out: AdapterEvent[] = [];
  for (const { event, data } of events) reader.event({ event, data: JSON.stringify(data) }, out);
  reader.complete(out);
  return out;
}
const citations = (out: AdapterEvent[]) => out.filter((e) => e.type === 'citation');
const lastUsage = (out: AdapterEvent[]) =>
  out.filter((e) => e.type === 'usage').at(-1)?.usage ?? null;

describe('which profiles offer the provider’s own web search', () => {
  it('is OpenAI on the Responses API, Anthropic and Gemini; never Chat Completions', () => {
    expect(offersWebSearch({ type: 'openai', baseUrl: 'https://api.openai.com/v1' })).toBe(true);
    expect(offersWebSearch({ type: 'openai' })).toBe(true);
    expect(
      offersWebSearch({ type: 'openai', api: 'chat', baseUrl: 'https://api.openai.com/v1' }),
    ).toBe(false);
    expect(offersWebSearch({ type: 'openai', baseUrl: 'http://127.0.0.1:9/v1' })).toBe(false);
    expect(
      offersWebSearch({ type: 'openai', api: 'responses', baseUrl: 'http://127.0.0.1:9/v1' }),
    ).toBe(true);
    expect(offersWebSearch({ type: 'anthropic' })).toBe(true);
    expect(offersWebSearch({ type: 'gemini' })).toBe(true);
    expect(offersWebSearch({ type: 'openai-compatible', api: 'responses' })).toBe(false);
    expect(offersWebSearch({ type: 'azure', api: 'responses' })).toBe(false);
  });

  it('shows a domain and opens only web pages', () => {
    expect(sourceDomain('https://www.example.org/a?b=1')).toBe('example.org');
    expect(sourceDomain('not a url')).toBe('');
    expect(isWebUrl('https://example.org')).toBe(true);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('file:///etc/passwd')).toBe(false);
  });
});

describe('the search tool in each request', () => {
  it('goes to the Responses API only when the switch is on, after any function tools', () => {
    const openai = target('openai', 'https://api.openai.com/v1');
    expect(responsesBody(openai, ask(false)).tools).toBeUndefined();
    expect(responsesBody(openai, ask(true)).tools).toEqual([{ type: 'web_search' }]);
    const both = responsesBody(openai, { ...ask(true), tools: [tool] }).tools ?? [];
    expect(both.map((t) => t.type)).toEqual(['function', 'web_search']);
  });

  it('goes to Anthropic as the web_search_20250305 server tool', () => {
    const anthropic = target('anthropic', 'https://api.anthropic.com');
    expect(anthropicRequestBody(anthropic, ask(false)).tools).toBeUndefined();
    expect(anthropicRequestBody(anthropic, ask(true)).tools).toEqual([
      { type: 'web_search_20250305', name: 'web_search' },
    ]);
  });

  it('goes to Gemini as the googleSearch tool', () => {
    const gemini = target('gemini', 'https://generativelanguage.googleapis.com');
    const signal = new AbortController().signal;
    expect(geminiParameters(gemini, ask(false), signal).config?.tools).toBeUndefined();
    expect(geminiParameters(gemini, ask(true), signal).config?.tools).toEqual([
      { googleSearch: {} },
    ]);
  });
});

const responsesUsage = { input_tokens: 10, output_tokens: 5, total_tokens: 15 };

describe('reading the sources', () => {
  it('Responses: url_citation annotations as they stream, web_search_call items counted', () => {
    const out = read(responsesAnswerReader([], null), [
      {
        event: null,
        data: {
          type: 'response.output_item.done',
          output_index: 0,
          item: { type: 'web_search_call', id: 'ws_1', status: 'completed' },
        },
      },
      { event: null, data: { type: 'response.output_text.delta', item_id: 'm', delta: 'Rain.' } },
      {
        event: null,
        data: {
          type: 'response.output_text.annotation.added',
          item_id: 'm',
          annotation_index: 0,
          annotation: {
            type: 'url_citation',
            url: 'https://weather.example/today',
            title: 'Today',
            start_index: 0,
            end_index: 5,
          },
        },
      },
      {
        event: null,
        data: {
          type: 'response.output_text.annotation.added',
          annotation: { type: 'file_citation', file_id: 'f', index: 0 },
        },
      },
      {
        event: null,
        data: {
          type: 'response.completed',
          response: { id: 'r', object: 'response', status: 'completed', usage: responsesUsage },
        },
      },
    ]);
    expect(citations(out)).toEqual([
      { type: 'citation', url: 'https://weather.example/today', title: 'Today' },
    ]);
    expect(lastUsage(out)?.webSearchCalls).toBe(1);
  });

  it('Responses: a whole answer’s annotations and searches', () => {
    const out: AdapterEvent[] = [];
    responsesAnswerReader([], null).whole(
      {
        object: 'response',
        id: 'r',
        status: 'completed',
        usage: responsesUsage,
        output: [
          { type: 'web_search_call', id: 'ws_1', status: 'completed' },
          { type: 'web_search_call', id: 'ws_2', status: 'completed' },
          {
            type: 'message',
            content: [
              {
                type: 'output_text',
                text: 'Rain.',
                annotations: [{ type: 'url_citation', url: 'https://a.example/', title: 'A' }],
              },
            ],
          },
        ],
      },
      out,
    );
    expect(citations(out)).toEqual([{ type: 'citation', url: 'https://a.example/', title: 'A' }]);
    expect(lastUsage(out)?.webSearchCalls).toBe(2);
  });

  it('Anthropic: citations_delta of web results, server_tool_use counted', () => {
    const out = read(anthropicAnswerReader([], null), [
      {
        event: 'message_start',
        data: {
          type: 'message_start',
          message: { id: 'msg', model: 'claude', usage: { input_tokens: 9, output_tokens: 1 } },
        },
      },
      {
        event: 'content_block_start',
        data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      },
      {
        event: 'content_block_delta',
        data: {
          type: 'content_block_delta',
          index: 0,
          delta: {
            type: 'citations_delta',
            citation: {
              type: 'web_search_result_location',
              url: 'https://b.example/x',
              title: 'B',
              cited_text: 'x',
              encrypted_index: 'e',
            },
          },
        },
      },
      {
        event: 'content_block_delta',
        data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'X.' } },
      },
      {
        event: 'message_delta',
        data: {
          type: 'message_delta',
          delta: { stop_reason: 'end_turn' },
          usage: { output_tokens: 7, server_tool_use: { web_search_requests: 3 } },
        },
      },
      { event: 'message_stop', data: { type: 'message_stop' } },
    ]);
    expect(citations(out)).toEqual([{ type: 'citation', url: 'https://b.example/x', title: 'B' }]);
    expect(lastUsage(out)?.webSearchCalls).toBe(3);
  });

  it('Anthropic: a whole message’s text citations', () => {
    const out: AdapterEvent[] = [];
    anthropicAnswerReader([], null).whole(
      {
        type: 'message',
        id: 'msg',
        model: 'claude',
        stop_reason: 'end_turn',
        content: [
          {
            type: 'text',
            text: 'X.',
            citations: [
              { type: 'web_search_result_location', url: 'https://c.example/', title: null },
              { type: 'char_location', document_index: 0 },
            ],
          },
        ],
        usage: { input_tokens: 1, output_tokens: 1, server_tool_use: { web_search_requests: 1 } },
      },
      out,
    );
    expect(citations(out)).toEqual([{ type: 'citation', url: 'https://c.example/', title: '' }]);
    expect(lastUsage(out)?.webSearchCalls).toBe(1);
  });

  it('Gemini: groundingChunks’ web pages, one grounded prompt', () => {
    const out = read(geminiAnswerReader([], null), [
      {
        event: null,
        data: { candidates: [{ content: { role: 'model', parts: [{ text: 'Sun.' }] } }] },
      },
      {
        event: null,
        data: {
          candidates: [
            {
              content: { role: 'model', parts: [{ text: '' }] },
              finishReason: 'STOP',
              groundingMetadata: {
                webSearchQueries: ['weather today', 'forecast'],
                groundingChunks: [
                  { web: { uri: 'https://d.example/', title: 'd.example' } },
                  { retrievedContext: { uri: 'gs://x' } },
                ],
              },
            },
          ],
          usageMetadata: { promptTokenCount: 4, candidatesTokenCount: 2, totalTokenCount: 6 },
        },
      },
    ]);
    expect(citations(out)).toEqual([
      { type: 'citation', url: 'https://d.example/', title: 'd.example' },
    ]);
    expect(lastUsage(out)?.webSearchCalls).toBe(1);
  });

  it('no search, no count: an answer without grounding has no webSearchCalls', () => {
    const out = read(geminiAnswerReader([], null), [
      {
        event: null,
        data: {
          candidates: [{ content: { parts: [{ text: 'Hi' }] }, finishReason: 'STOP' }],
          usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1 },
        },
      },
    ]);
    expect(lastUsage(out)?.webSearchCalls).toBeUndefined();
  });
});

describe('citation parts', () => {
  it('are folded once per URL, without splitting the text they are cited in, and kept by the part schema', () => {
    const folded = foldAnswer([
      { type: 'text', text: 'A' },
      { type: 'citation', url: 'https://a.example/', title: 'A' },
      { type: 'text', text: 'B' },
      { type: 'citation', url: 'https://a.example/', title: 'A again' },
      { type: 'citation', url: 'https://b.example/', title: 'B' },
    ]);
    expect(folded.parts).toEqual([
      { type: 'text', text: 'AB' },
      { type: 'citation', url: 'https://a.example/', title: 'A' },
      { type: 'citation', url: 'https://b.example/', title: 'B' },
    ]);
    // The renderer's fold of deltas says the same.
    const shown = appendDelta(
      withCitation([{ type: 'text', text: 'A' }], { url: 'https://a.example/', title: 'A' }),
      'text',
      'B',
    );
    expect(shown).toEqual(folded.parts.slice(0, 2));
    expect(messagePartsSchema.safeParse(folded.parts).success).toBe(true);
    expect(
      messagePartsSchema.safeParse([{ type: 'citation', url: 'not a url', title: '' }]).success,
    ).toBe(false);
  });

  it('are added in the renderer the same way: once per URL, after what came', () => {
    const once = withCitation([{ type: 'text', text: 'A' }], {
      url: 'https://a.example/',
      title: 'A',
    });
    expect(withCitation(once, { url: 'https://a.example/', title: 'again' })).toEqual(once);
    expect(once).toEqual([
      { type: 'text', text: 'A' },
      { type: 'citation', url: 'https://a.example/', title: 'A' },
    ]);
  });

  it('price each search at the provider’s fee, Gemini’s left unpriced', () => {
    const usage = { inputTokens: 0, outputTokens: 0, webSearchCalls: 3 };
    const row = { model: 'x', cachedInputPerMTok: null, inputPerMTok: 1, outputPerMTok: 1 };
    expect(costOf(usage, { ...row, provider: 'openai' })).toBeCloseTo(0.03);
    expect(costOf(usage, { ...row, provider: 'anthropic' })).toBeCloseTo(0.03);
    expect(costOf(usage, { ...row, provider: 'gemini' })).toBe(0);
  });
});
