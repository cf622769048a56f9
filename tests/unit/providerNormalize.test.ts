import { describe, expect, it } from 'vitest';
import { anthropicRequestBody } from '../../src/main/core/providers/anthropicMessages';
import { estimateUsage } from '../../src/main/core/providers/estimateUsage';
import {
  finishFromAnthropic,
  finishFromOpenAI,
  mergeAnthropicUsage,
  usageFromAnthropic,
  usageFromOpenAI,
} from '../../src/main/core/providers/normalize';
import { chatCompletionsBody } from '../../src/main/core/providers/chatCompletions';
import { compatibleDialect } from '../../src/main/core/providers/compatibleProvider';
import { openAIDialect } from '../../src/main/core/providers/openaiProvider';
import { azureDialect } from '../../src/main/core/providers/azureProvider';
import { parseDurationMs, rateLimitFrom } from '../../src/main/core/providers/rateLimit';
import type { ProviderTarget } from '../../src/main/core/providers/types';

describe('usage', () => {
  it('OpenAI: prompt tokens already include cached ones; reasoning is reported apart', () => {
    expect(
      usageFromOpenAI({
        prompt_tokens: 1200,
        completion_tokens: 300,
        total_tokens: 1500,
        prompt_tokens_details: { cached_tokens: 1024 },
        completion_tokens_details: { reasoning_tokens: 200 },
      }),
    ).toEqual({
      inputTokens: 1200,
      outputTokens: 300,
      totalTokens: 1500,
      cachedInputTokens: 1024,
      reasoningTokens: 200,
      source: 'provider',
    });
  });

  it('DeepSeek: prompt_cache_hit_tokens are the cached ones', () => {
    expect(
      usageFromOpenAI({
        prompt_tokens: 100,
        completion_tokens: 5,
        total_tokens: 105,
        prompt_cache_hit_tokens: 64,
      }),
    ).toMatchObject({ inputTokens: 100, cachedInputTokens: 64 });
  });

  it('Anthropic: input = input + cache_read + cache_creation; output from the last delta', () => {
    const start = {
      input_tokens: 20,
      cache_read_input_tokens: 1000,
      cache_creation_input_tokens: 50,
      output_tokens: 1,
    };
    const merged = mergeAnthropicUsage(start, { output_tokens: 42 });
    expect(usageFromAnthropic(merged)).toEqual({
      inputTokens: 1070,
      outputTokens: 42,
      totalTokens: 1112,
      cachedInputTokens: 1000,
      cacheWriteTokens: 50,
      source: 'provider',
    });
    // A null update (no usage in a delta) changes nothing.
    expect(mergeAnthropicUsage(merged, null)).toEqual(merged);
  });

  it('estimates with a real tokenizer and says so', async () => {
    const usage = await estimateUsage(
      {
        model: 'm',
        system: 'Be brief.',
        messages: [{ role: 'user', content: 'Hello there, how are you?' }],
      },
      { text: 'I am fine, thank you.', reasoning: 'They greet me.' },
    );
    expect(usage.source).toBe('estimated');
    expect(usage.inputTokens).toBeGreaterThan(8);
    expect(usage.inputTokens).toBeLessThan(30);
    expect(usage.reasoningTokens).toBeGreaterThan(2);
    expect(usage.outputTokens).toBeGreaterThan(usage.reasoningTokens!);
    expect(usage.totalTokens).toBe(usage.inputTokens + usage.outputTokens);
  });
});

describe('finish reasons', () => {
  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['content_filter', 'content_filter'],
    ['tool_calls', 'tool_calls'],
    ['function_call', 'tool_calls'],
    ['error', 'error'],
    ['eos', 'stop'],
  ] as const)('OpenAI %s is %s', (wire, ours) => expect(finishFromOpenAI(wire)).toBe(ours));

  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['tool_use', 'tool_calls'],
    ['refusal', 'content_filter'],
    ['model_context_window_exceeded', 'length'],
  ] as const)('Anthropic %s is %s', (wire, ours) => expect(finishFromAnthropic(wire)).toBe(ours));
});

describe('rate-limit headers', () => {
  it('parses OpenAI durations', () => {
    expect(parseDurationMs('6m0s')).toBe(360_000);
    expect(parseDurationMs('1.5s')).toBe(1500);
    expect(parseDurationMs('20ms')).toBe(20);
    expect(parseDurationMs('1h2m3s')).toBe(3_723_000);
    expect(parseDurationMs('soon')).toBeUndefined();
  });

  it('reads OpenAI-style buckets', () => {
    const info = rateLimitFrom(
      new Headers({
        'x-ratelimit-limit-requests': '10000',
        'x-ratelimit-remaining-requests': '9999',
        'x-ratelimit-reset-requests': '6ms',
        'x-ratelimit-limit-tokens': '30000',
        'x-ratelimit-remaining-tokens': '29000',
        'x-ratelimit-reset-tokens': '2s',
        'content-type': 'text/event-stream',
      }),
      1_000_000,
    );
    expect(info).toMatchObject({
      requests: { limit: 10000, remaining: 9999, resetAt: 1_000_006 },
      tokens: { limit: 30000, remaining: 29000, resetAt: 1_002_000 },
    });
    expect(info?.headers).not.toHaveProperty('content-type');
  });

  it('reads Anthropic buckets with RFC 3339 resets', () => {
    const info = rateLimitFrom(
      new Headers({
        'anthropic-ratelimit-requests-limit': '4000',
        'anthropic-ratelimit-requests-remaining': '3999',
        'anthropic-ratelimit-requests-reset': '2026-11-25T20:00:00Z',
        'anthropic-ratelimit-input-tokens-remaining': '399000',
        'anthropic-ratelimit-output-tokens-limit': '80000',
      }),
    );
    expect(info).toMatchObject({
      requests: { limit: 4000, remaining: 3999, resetAt: Date.parse('2026-11-25T20:00:00Z') },
      inputTokens: { remaining: 399000 },
      outputTokens: { limit: 80000 },
    });
  });

  it('is null when the response has none', () => {
    expect(rateLimitFrom(new Headers({ 'content-type': 'application/json' }))).toBeNull();
  });
});

describe('request bodies', () => {
  const target = (type: ProviderTarget['profile']['type']): ProviderTarget => ({
    profile: { id: type, name: type, type, baseUrl: 'http://x', defaultModel: 'm' },
    apiKey: null,
  });
  const request = {
    model: 'm',
    system: 'Be brief.',
    messages: [{ role: 'user' as const, content: 'Hi' }],
    maxTokens: 100,
    temperature: 0.2,
    stop: ['END'],
  };

  it('OpenAI: system message first, usage asked for, max_completion_tokens', () => {
    const body = chatCompletionsBody(target('openai'), request, true, openAIDialect);
    expect(body.messages[0]).toEqual({ role: 'system', content: 'Be brief.' });
    expect(body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: 100,
      temperature: 0.2,
      stop: ['END'],
    });
    expect(body).not.toHaveProperty('max_tokens');
  });

  it('compatible servers get max_tokens; non-streamed calls ask no stream options', () => {
    const body = chatCompletionsBody(
      target('openai-compatible'),
      { ...request, stream: false },
      true,
      compatibleDialect,
    );
    expect(body).toMatchObject({ stream: false, max_tokens: 100 });
    expect(body).not.toHaveProperty('stream_options');
  });

  it('Anthropic: system at the top level, never as a message; max_tokens always sent', () => {
    const uncached = target('anthropic');
    uncached.profile.promptCaching = false;
    const body = anthropicRequestBody(uncached, request);
    expect(body.system).toBe('Be brief.');
    expect(body.messages).toEqual([{ role: 'user', content: 'Hi' }]);
    expect(body).toMatchObject({ max_tokens: 100, stop_sequences: ['END'], stream: true });
    const { maxTokens: _omit, ...withoutMax } = request;
    expect(anthropicRequestBody(target('anthropic'), withoutMax).max_tokens).toBe(4096);
  });
});

describe('Anthropic prompt caching and thinking', () => {
  const target = (promptCaching?: boolean): ProviderTarget => ({
    profile: {
      id: 'a',
      name: 'a',
      type: 'anthropic',
      baseUrl: 'http://x',
      defaultModel: 'claude-sonnet-4-5',
      ...(promptCaching === undefined ? {} : { promptCaching }),
    },
    apiKey: null,
  });
  const conversation = {
    model: 'claude-sonnet-4-5',
    system: 'Be brief.',
    messages: [
      { role: 'user' as const, content: 'First' },
      { role: 'assistant' as const, content: 'Answer' },
      { role: 'user' as const, content: 'Second' },
    ],
  };
  const ephemeral = { type: 'ephemeral' };

  it('puts breakpoints on the system prompt and the newest user turn, by default', () => {
    const body = anthropicRequestBody(target(), conversation);
    expect(body.system).toEqual([{ type: 'text', text: 'Be brief.', cache_control: ephemeral }]);
    expect(body.messages[0]).toEqual({ role: 'user', content: 'First' });
    expect(body.messages[1]).toEqual({ role: 'assistant', content: 'Answer' });
    expect(body.messages[2]).toEqual({
      role: 'user',
      content: [{ type: 'text', text: 'Second', cache_control: ephemeral }],
    });
  });

  it('sends none when the profile turns caching off', () => {
    const body = anthropicRequestBody(target(false), conversation);
    expect(body.system).toBe('Be brief.');
    expect(JSON.stringify(body)).not.toContain('cache_control');
  });

  it.each([
    ['minimal', 1024],
    ['low', 2048],
    ['medium', 8192],
    ['high', 16384],
  ] as const)(
    'effort %s is a thinking budget of %i, max_tokens raised above it',
    (effort, budget) => {
      const body = anthropicRequestBody(target(), { ...conversation, reasoningEffort: effort });
      expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: budget });
      // The default 4096 is kept when it already exceeds the budget, else budget + 4096.
      expect(body.max_tokens).toBe(budget < 4096 ? 4096 : budget + 4096);
      expect(body.max_tokens).toBeGreaterThan(budget);
    },
  );

  it('drops temperature (and a top_p under 0.95) while thinking, keeps them otherwise', () => {
    const sampled = { ...conversation, temperature: 0.3, topP: 0.5 };
    const thinking = anthropicRequestBody(target(), { ...sampled, reasoningEffort: 'low' });
    expect(thinking).not.toHaveProperty('temperature');
    expect(thinking).not.toHaveProperty('top_p');
    const plain = anthropicRequestBody(target(), sampled);
    expect(plain).toMatchObject({ temperature: 0.3, top_p: 0.5 });
    expect(plain).not.toHaveProperty('thinking');
  });

  it('adaptive models get adaptive thinking and an output effort, no budget', () => {
    for (const model of ['claude-opus-4-7', 'claude-sonnet-5', 'claude-sonnet-4-6']) {
      const body = anthropicRequestBody(target(), {
        ...conversation,
        model,
        temperature: 0.4,
        reasoningEffort: 'minimal',
      });
      expect(body.thinking).toEqual({ type: 'adaptive' });
      expect(body.output_config).toEqual({ effort: 'low' });
      expect(body.max_tokens).toBe(4096);
      expect(body).not.toHaveProperty('temperature');
    }
    const always = anthropicRequestBody(target(), {
      ...conversation,
      model: 'claude-fable-5-1',
      reasoningEffort: 'high',
    });
    expect(always).not.toHaveProperty('thinking');
    expect(always.output_config).toEqual({ effort: 'high' });
  });

  it('sends nothing to a model without a thinking control', () => {
    const body = anthropicRequestBody(target(), {
      ...conversation,
      model: 'claude-3-5-haiku-20241022',
      reasoningEffort: 'high',
    });
    expect(body).not.toHaveProperty('thinking');
    expect(body).not.toHaveProperty('output_config');
    expect(body.max_tokens).toBe(4096);
  });
});

describe('a stored reasoning effort after a switch to a model that does not take it', () => {
  const azure: ProviderTarget = {
    profile: {
      id: 'az',
      name: 'az',
      type: 'azure',
      baseUrl: 'https://res.openai.azure.com',
      defaultModel: 'prod-chat',
    },
    apiKey: null,
  };
  const ask = (model: string) => ({
    model,
    messages: [{ role: 'user' as const, content: 'Hi' }],
    reasoningEffort: 'high' as const,
  });

  it('Azure Chat Completions: a deployment name that names no reasoning model gets nothing', () => {
    // The deployment's underlying model is not recorded anywhere: only its name is read.
    expect(chatCompletionsBody(azure, ask('prod-chat'), true, azureDialect)).not.toHaveProperty(
      'reasoning_effort',
    );
    expect(chatCompletionsBody(azure, ask('gpt-4o'), true, azureDialect)).not.toHaveProperty(
      'reasoning_effort',
    );
    const named = chatCompletionsBody(azure, ask('gpt-5-mini'), true, azureDialect);
    expect(named.reasoning_effort).toBe('high');
  });
});

describe('Chat Completions reasoning_effort', () => {
  const target = (type: 'openai' | 'openai-compatible'): ProviderTarget => ({
    profile: { id: type, name: type, type, baseUrl: 'http://x', defaultModel: 'm' },
    apiKey: null,
  });
  const ask = (model: string, reasoningEffort?: 'minimal' | 'high') => ({
    model,
    messages: [{ role: 'user' as const, content: 'Hi' }],
    ...(reasoningEffort ? { reasoningEffort } : {}),
  });

  it('goes to reasoning models only, minimal becoming low outside gpt-5', () => {
    const body = (model: string, effort?: 'minimal' | 'high') =>
      chatCompletionsBody(target('openai'), ask(model, effort), true, openAIDialect);
    expect(body('gpt-5-mini', 'minimal').reasoning_effort).toBe('minimal');
    expect(body('o3', 'high').reasoning_effort).toBe('high');
    expect(body('o4-mini-2025-04-16', 'minimal').reasoning_effort).toBe('low');
    expect(body('gpt-4o', 'high')).not.toHaveProperty('reasoning_effort');
    expect(body('o3')).not.toHaveProperty('reasoning_effort');
    const compatible = chatCompletionsBody(
      target('openai-compatible'),
      ask('o3', 'high'),
      true,
      compatibleDialect,
    );
    expect(compatible).not.toHaveProperty('reasoning_effort');
  });
});
