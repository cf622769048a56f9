import { describe, expect, it } from 'vitest';
import { responsesBody } from '../../src/main/core/providers/responsesApi';
import {
  finishFromResponse,
  responsesAnswerReader,
  usageFromResponses,
} from '../../src/main/core/providers/responsesEvents';
import type { AdapterEvent, ProviderTarget } from '../../src/main/core/providers/types';
import { wireApiFor } from '../../src/shared/wireApi';

/** Folds SSE events (data only: the type is in the data, as OpenAI sends it) through a reader. */
function fold(events: object[], secrets: string[] = []): AdapterEvent[] {
  const reader = responsesAnswerReader(secrets, null);
  const out: AdapterEvent[] = [];
  for (const event of events) {
    const data = JSON.stringify(event);
    reader.event({ event: (event as { type?: string }).type ?? null, data }, out);
  }
  reader.complete(out);
  return out;
}

const response = (extra: object = {}) => ({
  id: 'resp_1',
  object: 'response',
  created_at: 1_760_000_000,
  model: 'gpt-5-mini',
  status: 'completed',
  incomplete_details: null,
  error: null,
  output: [],
  ...extra,
});

const usage = {
  input_tokens: 1200,
  input_tokens_details: { cached_tokens: 1024 },
  output_tokens: 300,
  output_tokens_details: { reasoning_tokens: 200 },
  total_tokens: 1500,
};

describe('wireApiFor', () => {
  it('defaults to Responses on api.openai.com only, Chat Completions everywhere else', () => {
    expect(wireApiFor({ baseUrl: 'https://api.openai.com/v1' })).toBe('responses');
    expect(wireApiFor({ baseUrl: 'https://API.OpenAI.com/v1/' })).toBe('responses');
    expect(wireApiFor({ baseUrl: 'http://127.0.0.1:11434/v1' })).toBe('chat');
    expect(wireApiFor({ baseUrl: 'https://openrouter.ai/api/v1' })).toBe('chat');
    expect(wireApiFor({ baseUrl: 'https://api.openai.com.evil.example/v1' })).toBe('chat');
    expect(wireApiFor({ baseUrl: 'https://my.openai.azure.com' })).toBe('chat');
    expect(wireApiFor({ baseUrl: '' })).toBe('chat');
  });

  it('follows the profile’s own setting whatever the URL', () => {
    expect(wireApiFor({ baseUrl: 'https://api.openai.com/v1', api: 'chat' })).toBe('chat');
    expect(wireApiFor({ baseUrl: 'https://my.openai.azure.com', api: 'responses' })).toBe(
      'responses',
    );
  });
});

describe('the Responses stream fold', () => {
  it('folds text, reasoning summary and refusal deltas in order, then usage and the end', () => {
    const out = fold([
      {
        type: 'response.created',
        sequence_number: 0,
        response: response({ status: 'in_progress' }),
      },
      { type: 'response.in_progress', sequence_number: 1, response: response() },
      { type: 'response.output_item.added', sequence_number: 2, output_index: 0, item: {} },
      {
        type: 'response.reasoning_summary_text.delta',
        item_id: 'rs_1',
        summary_index: 0,
        delta: 'Think ',
      },
      {
        type: 'response.reasoning_summary_text.delta',
        item_id: 'rs_1',
        summary_index: 0,
        delta: 'hard.',
      },
      {
        type: 'response.reasoning_summary_text.delta',
        item_id: 'rs_1',
        summary_index: 1,
        delta: 'Then more.',
      },
      { type: 'response.output_text.delta', item_id: 'msg_1', delta: 'Hello' },
      { type: 'response.output_text.delta', item_id: 'msg_1', delta: '' },
      { type: 'response.output_text.done', item_id: 'msg_1', text: 'Hello' },
      { type: 'response.refusal.delta', item_id: 'msg_1', delta: 'No.' },
      { type: 'response.completed', response: response({ usage }) },
    ]);
    expect(out).toEqual([
      { type: 'metadata', id: 'resp_1', model: 'gpt-5-mini', created: 1_760_000_000 },
      { type: 'reasoning', text: 'Think ' },
      { type: 'reasoning', text: 'hard.' },
      // A new summary part starts a new paragraph.
      { type: 'reasoning', text: '\n\nThen more.' },
      { type: 'text', text: 'Hello' },
      { type: 'refusal', text: 'No.' },
      {
        type: 'usage',
        usage: {
          inputTokens: 1200,
          outputTokens: 300,
          totalTokens: 1500,
          cachedInputTokens: 1024,
          reasoningTokens: 200,
          source: 'provider',
        },
      },
      { type: 'end', finishReason: 'stop', providerFinishReason: 'completed' },
    ]);
  });

  it('reads raw reasoning text deltas (servers that stream reasoning_text) as reasoning', () => {
    const out = fold([{ type: 'response.reasoning_text.delta', delta: 'raw thought' }]);
    expect(out).toEqual([{ type: 'reasoning', text: 'raw thought' }]);
  });

  it('ends response.incomplete as length or content_filter, keeping the raw reason', () => {
    const incomplete = (reason: string | null) =>
      fold([
        {
          type: 'response.incomplete',
          response: response({ status: 'incomplete', incomplete_details: { reason } }),
        },
      ]).at(-1);
    expect(incomplete('max_output_tokens')).toEqual({
      type: 'end',
      finishReason: 'length',
      providerFinishReason: 'max_output_tokens',
    });
    expect(incomplete('content_filter')).toMatchObject({
      finishReason: 'content_filter',
      providerFinishReason: 'content_filter',
    });
    expect(incomplete(null)).toMatchObject({
      finishReason: 'length',
      providerFinishReason: 'incomplete',
    });
  });

  it('turns an error event and response.failed into clear errors, the key scrubbed', () => {
    const [error] = fold(
      [
        {
          type: 'error',
          code: 'rate_limit_exceeded',
          message: 'Slow down, key sk-secret-0123456789',
          param: null,
        },
      ],
      ['sk-secret-0123456789'],
    );
    expect(error).toMatchObject({ type: 'error', error: { kind: 'rate_limit', status: null } });
    expect(JSON.stringify(error)).not.toContain('sk-secret');
    const [failed] = fold([
      {
        type: 'response.failed',
        response: response({
          status: 'failed',
          error: { code: 'server_error', message: 'The model failed.' },
        }),
      },
    ]);
    expect(failed).toMatchObject({
      type: 'error',
      error: { kind: 'server', message: 'The model failed.' },
    });
    const [bare] = fold([{ type: 'response.failed', response: response({ status: 'failed' }) }]);
    expect(bare).toMatchObject({ type: 'error', error: { kind: 'server' } });
  });

  it('tells no end when the stream stops before a terminal event', () => {
    const out = fold([{ type: 'response.output_text.delta', delta: 'Hel' }]);
    expect(out).toEqual([{ type: 'text', text: 'Hel' }]);
  });

  it('ignores events it has no part for (tool calls, annotations, keep-alive data)', () => {
    const reader = responsesAnswerReader([], null);
    const out: AdapterEvent[] = [];
    reader.event(
      {
        event: 'response.function_call_arguments.delta',
        data: '{"type":"response.function_call_arguments.delta","delta":"{"}',
      },
      out,
    );
    reader.event({ event: null, data: '' }, out);
    expect(out).toEqual([]);
  });
});

describe('a whole Response object', () => {
  function whole(body: unknown): AdapterEvent[] {
    const out: AdapterEvent[] = [];
    responsesAnswerReader([], null).whole(body, out);
    return out;
  }

  it('yields reasoning summaries, text and refusals in output order, usage and the end', () => {
    const out = whole(
      response({
        output: [
          {
            type: 'reasoning',
            id: 'rs_1',
            summary: [
              { type: 'summary_text', text: 'One.' },
              { type: 'summary_text', text: 'Two.' },
            ],
          },
          {
            type: 'message',
            id: 'msg_1',
            role: 'assistant',
            content: [
              { type: 'output_text', text: 'Answer.', annotations: [] },
              { type: 'refusal', refusal: 'But not that.' },
            ],
          },
        ],
        usage,
      }),
    );
    expect(out.map((e) => e.type)).toEqual([
      'metadata',
      'reasoning',
      'text',
      'refusal',
      'usage',
      'end',
    ]);
    expect(out[1]).toEqual({ type: 'reasoning', text: 'One.\n\nTwo.' });
    expect(out[2]).toEqual({ type: 'text', text: 'Answer.' });
    expect(out[3]).toEqual({ type: 'refusal', text: 'But not that.' });
  });

  it('a failed response or an error body with status 200 is an error', () => {
    expect(
      whole(response({ status: 'failed', error: { code: 'server_error', message: 'Broke.' } })),
    ).toMatchObject([{ type: 'error', error: { kind: 'server', message: 'Broke.' } }]);
    expect(
      whole({ error: { message: 'Invalid model', type: 'invalid_request_error', code: null } }),
    ).toMatchObject([{ type: 'error', error: { kind: 'bad_request', message: 'Invalid model' } }]);
  });

  it('missing usage details are absent, not zero', () => {
    expect(usageFromResponses({ input_tokens: 5, output_tokens: 2 })).toEqual({
      inputTokens: 5,
      outputTokens: 2,
      totalTokens: 7,
      source: 'provider',
    });
    expect(finishFromResponse({ status: 'completed' })).toEqual({
      finishReason: 'stop',
      providerFinishReason: 'completed',
    });
  });
});

describe('the Responses request body', () => {
  const target: ProviderTarget = {
    profile: {
      id: 'p',
      name: 'p',
      type: 'openai',
      baseUrl: 'https://api.openai.com/v1',
      defaultModel: 'gpt-5-mini',
      params: { temperature: 0.5, maxTokens: 64 },
    },
    apiKey: 'k',
  };

  it('takes the profile’s defaults, sends no reasoning or stop sequences unless asked', () => {
    const body = responsesBody(target, {
      model: 'gpt-5-mini',
      messages: [{ role: 'user', content: 'Hi' }],
      stop: ['END'],
    });
    expect(body).toEqual({
      model: 'gpt-5-mini',
      input: [{ role: 'user', content: 'Hi' }],
      stream: true,
      store: false,
      temperature: 0.5,
      max_output_tokens: 64,
    });
  });

  it('sends no reasoning to a model that does not reason, and minimal as low to the o-series', () => {
    const ask = (model: string) =>
      responsesBody(target, { model, messages: [], reasoningEffort: 'minimal', stream: true });
    expect(ask('gpt-4.1').reasoning).toBeUndefined();
    expect(ask('o3').reasoning).toEqual({ effort: 'low', summary: 'auto' });
    expect(ask('gpt-5').reasoning).toEqual({ effort: 'minimal', summary: 'auto' });
  });

  it('Azure: a stored effort goes nowhere once the deployment is not a reasoning model', () => {
    const azure: ProviderTarget = {
      ...target,
      profile: { ...target.profile, type: 'azure', defaultModel: 'prod-chat' },
    };
    for (const model of ['prod-chat', 'gpt-4.1']) {
      const body = responsesBody(azure, { model, messages: [], reasoningEffort: 'high' });
      expect(body).not.toHaveProperty('reasoning');
    }
  });

  it('maps every effort of our scale onto reasoning.effort with a summary', () => {
    for (const effort of ['minimal', 'low', 'medium', 'high'] as const) {
      const body = responsesBody(target, {
        model: 'gpt-5-mini',
        messages: [],
        reasoningEffort: effort,
        stream: false,
      });
      expect(body.reasoning).toEqual({ effort, summary: 'auto' });
      expect(body.stream).toBe(false);
    }
  });
});
