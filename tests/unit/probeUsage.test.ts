import { describe, expect, it } from 'vitest';
import { probeBilled } from '../../src/main/core/profiles/probeUsage';
import type { ProbeCall } from '../../src/main/core/providers/ProviderModule';

const post = (api: 'chat' | 'responses', body: object | null): ProbeCall => ({
  api,
  request: {
    method: 'POST',
    url: 'https://api.example.test/v1/x',
    headers: {},
    ...(body ? { body: JSON.stringify(body) } : {}),
  },
});

// Field names from the openai SDK's ResponseUsage and CompletionUsage types.
const responsesAnswer = {
  object: 'response',
  model: 'gpt-5-mini-2025-08-07',
  usage: {
    input_tokens: 9,
    input_tokens_details: { cached_tokens: 4 },
    output_tokens: 16,
    output_tokens_details: { reasoning_tokens: 12 },
    total_tokens: 25,
  },
};
const chatAnswer = {
  object: 'chat.completion',
  model: 'gpt-4o-mini-2024-07-18',
  usage: {
    prompt_tokens: 8,
    completion_tokens: 1,
    total_tokens: 9,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0 },
  },
};

describe('probeBilled', () => {
  it('reads a Responses answer: input, cached, output and reasoning tokens, and its model', () => {
    const billed = probeBilled(
      post('responses', { model: 'gpt-5-mini', input: 'ping' }),
      200,
      JSON.stringify(responsesAnswer),
      'gpt-5-mini',
    );
    expect(billed).toEqual({
      model: 'gpt-5-mini-2025-08-07',
      usage: {
        inputTokens: 9,
        cachedInputTokens: 4,
        outputTokens: 16,
        reasoningTokens: 12,
        totalTokens: 25,
        source: 'provider',
      },
    });
  });

  it('reads a Chat Completions answer with the same normalizer the chats use', () => {
    const billed = probeBilled(
      post('chat', { model: 'gpt-4o-mini' }),
      200,
      JSON.stringify(chatAnswer),
      'x',
    );
    expect(billed).toEqual({
      model: 'gpt-4o-mini-2024-07-18',
      usage: {
        inputTokens: 8,
        cachedInputTokens: 0,
        outputTokens: 1,
        reasoningTokens: 0,
        totalTokens: 9,
        source: 'provider',
      },
    });
  });

  it('names the model sent, or the Azure deployment, when the answer names none', () => {
    const { model: _omit, ...anonymous } = chatAnswer;
    const text = JSON.stringify(anonymous);
    expect(probeBilled(post('chat', { model: 'gpt-4o-mini' }), 200, text, 'dep')?.model).toBe(
      'gpt-4o-mini',
    );
    // Azure's deployment path: the body has no model, the deployment is the profile's model.
    expect(probeBilled(post('chat', { messages: [] }), 200, text, 'my-deployment')?.model).toBe(
      'my-deployment',
    );
  });

  it('bills nothing for a models list, an error, a body that is not JSON, or one without usage', () => {
    const list: ProbeCall = {
      request: { method: 'GET', url: 'https://x.test/v1/models', headers: {} },
    };
    const text = JSON.stringify(chatAnswer);
    expect(probeBilled(list, 200, text, 'm')).toBeNull();
    expect(probeBilled(post('chat', {}), 429, text, 'm')).toBeNull();
    expect(probeBilled(post('chat', {}), 200, '<html>proxy</html>', 'm')).toBeNull();
    expect(probeBilled(post('responses', {}), 200, '{"usage":null}', 'm')).toBeNull();
    expect(probeBilled(post('responses', {}), 200, 'null', 'm')).toBeNull();
  });
});
