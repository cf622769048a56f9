import { describe, expect, it } from 'vitest';
import { factsFromBody, providerErrorFrom } from '../../src/main/core/providers/errors';
import { geminiBaseUrl } from '../../src/main/core/providers/geminiClient';
import {
  finishFromGemini,
  geminiAnswerReader,
  usageFromGemini,
} from '../../src/main/core/providers/geminiEvents';
import { geminiParameters, thinkingConfigFor } from '../../src/main/core/providers/geminiRequest';
import {
  refusedThinking,
  refusedThinkingCount,
  rememberRefusedThinking,
} from '../../src/main/core/providers/geminiNoThinking';
import { geminiProvider } from '../../src/main/core/providers/geminiProvider';
import type { AdapterEvent, ProviderTarget } from '../../src/main/core/providers/types';
import { curlCommand } from '../../src/shared/curl';
import { parameterProblems } from '../../src/shared/parameterRanges';

/** Folds chunks through one reader, as the engine does, ending the body after them. */
function fold(chunks: (object | string)[], complete = true): AdapterEvent[] {
  const reader = geminiAnswerReader(['secret-key-123456'], null);
  const out: AdapterEvent[] = [];
  for (const chunk of chunks) {
    const data = typeof chunk === 'string' ? chunk : JSON.stringify(chunk);
    reader.event({ event: null, data }, out);
    if (out.some((e) => e.type === 'error')) return out;
  }
  if (complete) reader.complete(out);
  return out;
}

const text = (t: string, thought = false) => ({
  candidates: [
    { content: { role: 'model', parts: [{ text: t, ...(thought ? { thought } : {}) }] } },
  ],
});
const finished = (t: string, finishReason: string, usageMetadata?: object) => ({
  candidates: [{ content: { role: 'model', parts: [{ text: t }] }, finishReason }],
  ...(usageMetadata ? { usageMetadata } : {}),
  modelVersion: 'gemini-2.5-flash',
  responseId: 'resp-1',
});

describe('Gemini usage (UsageMetadata)', () => {
  it('counts cached tokens inside the prompt, thoughts inside the output', () => {
    expect(
      usageFromGemini({
        promptTokenCount: 1000,
        cachedContentTokenCount: 600,
        candidatesTokenCount: 50,
        thoughtsTokenCount: 200,
        toolUsePromptTokenCount: 10,
        totalTokenCount: 1260,
      }),
    ).toEqual({
      inputTokens: 1010,
      outputTokens: 250,
      totalTokens: 1260,
      cachedInputTokens: 600,
      reasoningTokens: 200,
      source: 'provider',
    });
  });

  it('leaves out what was not reported, and sums a missing total', () => {
    expect(usageFromGemini({ promptTokenCount: 7, candidatesTokenCount: 3 })).toEqual({
      inputTokens: 7,
      outputTokens: 3,
      totalTokens: 10,
      source: 'provider',
    });
  });
});

describe('Gemini finish reasons', () => {
  it.each([
    ['STOP', 'stop'],
    [undefined, 'stop'],
    ['MAX_TOKENS', 'length'],
    ['CONTINUATION', 'length'],
    ['SAFETY', 'content_filter'],
    ['RECITATION', 'content_filter'],
    ['BLOCKLIST', 'content_filter'],
    ['PROHIBITED_CONTENT', 'content_filter'],
    ['SPII', 'content_filter'],
    ['LANGUAGE', 'content_filter'],
    ['IMAGE_SAFETY', 'content_filter'],
    ['MALFORMED_FUNCTION_CALL', 'error'],
    ['UNEXPECTED_TOOL_CALL', 'error'],
    ['TOO_MANY_TOOL_CALLS', 'error'],
    ['MISSING_THOUGHT_SIGNATURE', 'error'],
    ['OTHER', 'error'],
    ['SOMETHING_NEWER', 'error'],
  ] as const)('%s is %s', (reason, expected) => {
    expect(finishFromGemini(reason)).toBe(expected);
  });
});

describe('Gemini stream fold', () => {
  it('turns thought parts into reasoning and the rest into text, in order', () => {
    const out = fold([
      { ...text('Thinking… ', true), modelVersion: 'gemini-2.5-flash', responseId: 'r1' },
      text('Hello'),
      finished(' world', 'STOP', { promptTokenCount: 4, candidatesTokenCount: 2 }),
    ]);
    expect(out.map((e) => e.type)).toEqual([
      'metadata',
      'reasoning',
      'text',
      'text',
      'usage',
      'end',
    ]);
    expect(out[0]).toEqual({ type: 'metadata', id: 'r1', model: 'gemini-2.5-flash' });
    expect(out[1]).toEqual({ type: 'reasoning', text: 'Thinking… ' });
    expect(out.at(-1)).toEqual({ type: 'end', finishReason: 'stop', providerFinishReason: 'STOP' });
  });

  it('marks counts before the finish as partial (prompt side only), the last as final', () => {
    const out = fold([
      { ...text('a'), usageMetadata: { promptTokenCount: 4, totalTokenCount: 4 } },
      finished('b', 'STOP', { promptTokenCount: 4, candidatesTokenCount: 2, totalTokenCount: 6 }),
    ]);
    const usages = out.filter((e) => e.type === 'usage');
    expect(usages.map((u) => u.type === 'usage' && u.inputOnly)).toEqual([true, false]);
  });

  it('has no end marker: a body that ends before any finish reason was cut off', () => {
    const out = fold([text('partial')]);
    expect(out.some((e) => e.type === 'end')).toBe(false);
  });

  it('a finish reason that came before a lost connection is a whole answer', () => {
    const reader = geminiAnswerReader([], null);
    const out: AdapterEvent[] = [];
    reader.event({ event: null, data: JSON.stringify(finished('done', 'MAX_TOKENS')) }, out);
    expect(out.some((e) => e.type === 'end')).toBe(false);
    reader.complete(out);
    expect(out.at(-1)).toEqual({
      type: 'end',
      finishReason: 'length',
      providerFinishReason: 'MAX_TOKENS',
    });
  });

  it('a blocked prompt is a content_filter error naming the block reason', () => {
    const out = fold([
      { promptFeedback: { blockReason: 'PROHIBITED_CONTENT', blockReasonMessage: 'Not allowed.' } },
    ]);
    expect(out.at(-2)).toMatchObject({ type: 'end', providerFinishReason: 'PROHIBITED_CONTENT' });
    const error = out.at(-1);
    expect(error).toMatchObject({ type: 'error', error: { kind: 'content_filter', status: null } });
    if (error?.type === 'error') {
      expect(error.error.message).toContain('block reason PROHIBITED_CONTENT');
      expect(error.error.message).toContain('Not allowed.');
    }
  });

  it('a failed finish (OTHER) keeps the text and says why it ended', () => {
    const out = fold([text('so far'), finished('', 'OTHER')]);
    expect(out.filter((e) => e.type === 'text')).toHaveLength(1);
    expect(out.at(-2)).toMatchObject({ type: 'end', providerFinishReason: 'OTHER' });
    expect(out.at(-1)).toMatchObject({
      type: 'error',
      error: { kind: 'server', message: expect.stringMatching(/finish reason OTHER/) },
    });
  });

  it('an error chunk after HTTP 200 is an error of the kind its code says, key scrubbed', () => {
    const out = fold([
      text('so far'),
      '{"error":{"code":503,"message":"overloaded (key secret-key-123456)","status":"UNAVAILABLE"}}',
    ]);
    expect(out.at(-1)).toMatchObject({ type: 'error', error: { kind: 'overloaded' } });
    const error = out.at(-1);
    if (error?.type === 'error') expect(error.error.message).not.toContain('secret-key-123456');
  });

  it('a whole answer always ends, with its usage final', () => {
    const reader = geminiAnswerReader([], null);
    const out: AdapterEvent[] = [];
    reader.whole(finished('all', 'STOP', { promptTokenCount: 3, candidatesTokenCount: 1 }), out);
    expect(out.find((e) => e.type === 'usage')).toMatchObject({ inputOnly: false });
    expect(out.at(-1)).toMatchObject({ type: 'end', finishReason: 'stop' });
    const bare: AdapterEvent[] = [];
    geminiAnswerReader([], null).whole(
      { candidates: [{ content: { parts: [{ text: 'x' }] } }] },
      bare,
    );
    expect(bare.at(-1)).toEqual({ type: 'end', finishReason: 'stop', providerFinishReason: null });
  });
});

describe('Gemini errors (google.rpc.Status bodies)', () => {
  const kind = (status: number, body: object) =>
    providerErrorFrom(factsFromBody(status, JSON.stringify(body))).kind;

  it('a wrong key is a 400 INVALID_ARGUMENT with API_KEY_INVALID: auth, not a bad request', () => {
    const body = {
      error: {
        code: 400,
        message: 'API key not valid. Please pass a valid API key.',
        status: 'INVALID_ARGUMENT',
        details: [{ reason: 'API_KEY_INVALID' }],
      },
    };
    expect(kind(400, body)).toBe('auth');
  });

  it('reads the status name as the type and the token-count message as context length', () => {
    const status = (code: number, name: string, message: string) => ({
      error: { code, message, status: name },
    });
    expect(
      factsFromBody(403, JSON.stringify(status(403, 'PERMISSION_DENIED', 'no'))),
    ).toMatchObject({ type: 'PERMISSION_DENIED', message: 'no' });
    expect(kind(401, status(401, 'UNAUTHENTICATED', 'who?'))).toBe('auth');
    expect(
      kind(
        400,
        status(
          400,
          'INVALID_ARGUMENT',
          'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).',
        ),
      ),
    ).toBe('context_length');
    expect(kind(400, status(400, 'INVALID_ARGUMENT', 'Invalid value'))).toBe('bad_request');
    expect(kind(503, status(503, 'UNAVAILABLE', 'The model is overloaded.'))).toBe('overloaded');
  });

  it('a 429 with a RetryInfo is a rate limit with its delay; without one, quota words are quota', () => {
    const words = 'You exceeded your current quota, please check your plan and billing details.';
    const withDelay = {
      error: {
        code: 429,
        message: words,
        status: 'RESOURCE_EXHAUSTED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '53s' }],
      },
    };
    expect(providerErrorFrom(factsFromBody(429, JSON.stringify(withDelay)))).toMatchObject({
      kind: 'rate_limit',
      retryAfterMs: 53_000,
    });
    const without = { error: { code: 429, message: words, status: 'RESOURCE_EXHAUSTED' } };
    expect(kind(429, without)).toBe('quota');
  });
});

describe('Gemini request', () => {
  const target: ProviderTarget = {
    profile: {
      id: 'g',
      name: 'g',
      type: 'gemini',
      baseUrl: 'https://generativelanguage.googleapis.com',
      defaultModel: 'gemini-2.5-flash',
      params: { temperature: 0.3, maxTokens: 200 },
    },
    apiKey: 'k',
  };
  const signal = new AbortController().signal;

  it('maps reasoning effort to a budget for Gemini 2.5 and a level after, never both', () => {
    expect(thinkingConfigFor('gemini', 'gemini-2.5-pro', 'high')).toEqual({
      includeThoughts: true,
      thinkingBudget: 24576,
    });
    expect(thinkingConfigFor('gemini', 'gemini-2.5-flash', 'low')).toEqual({
      includeThoughts: true,
      thinkingBudget: 1024,
    });
    expect(thinkingConfigFor('gemini', 'gemini-3-pro-preview', 'low')).toEqual({
      includeThoughts: true,
      thinkingLevel: 'LOW',
    });
    // No effort: only the thoughts are asked for; the model thinks as it does by default.
    expect(thinkingConfigFor('gemini', 'gemini-3-flash', undefined)).toEqual({
      includeThoughts: true,
    });
  });

  it('minimal is the least each model allows: thinking off, Pro 2.5 its floor, Pro 3 LOW', () => {
    const minimal = (model: string) => thinkingConfigFor('gemini', model, 'minimal');
    expect(minimal('gemini-2.5-flash')).toEqual({ includeThoughts: true, thinkingBudget: 0 });
    expect(minimal('models/gemini-2.5-flash-lite')).toEqual({
      includeThoughts: true,
      thinkingBudget: 0,
    });
    expect(minimal('gemini-2.5-pro')).toEqual({ includeThoughts: true, thinkingBudget: 128 });
    expect(minimal('gemini-3-flash-preview')).toEqual({
      includeThoughts: true,
      thinkingLevel: 'MINIMAL',
    });
    expect(minimal('gemini-3-pro-preview')).toEqual({
      includeThoughts: true,
      thinkingLevel: 'LOW',
    });
  });

  it('sends no thinkingConfig to a model that does not think, whatever effort the chat stored', () => {
    for (const model of ['gemini-2.0-flash', 'models/gemini-1.5-pro', 'gemma-3-27b-it']) {
      expect(thinkingConfigFor('gemini', model, 'high')).toBeUndefined();
      const params = geminiParameters(
        target,
        { model, messages: [{ role: 'user', content: 'Hi' }], reasoningEffort: 'high' },
        signal,
      );
      expect(params.config).not.toHaveProperty('thinkingConfig');
    }
  });

  it("turns the conversation into Gemini's roles and config, profile defaults under the request", () => {
    const params = geminiParameters(
      target,
      {
        model: 'gemini-2.5-flash',
        system: 'Be brief.',
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello' },
          { role: 'user', content: 'Again' },
        ],
        topP: 0.9,
        stop: ['END'],
      },
      signal,
    );
    expect(params.contents).toEqual([
      { role: 'user', parts: [{ text: 'Hi' }] },
      { role: 'model', parts: [{ text: 'Hello' }] },
      { role: 'user', parts: [{ text: 'Again' }] },
    ]);
    expect(params.config).toMatchObject({
      systemInstruction: 'Be brief.',
      temperature: 0.3,
      topP: 0.9,
      maxOutputTokens: 200,
      stopSequences: ['END'],
      automaticFunctionCalling: { disable: true },
      automaticContinuation: false,
      abortSignal: signal,
    });
  });

  it('takes a pasted /v1beta or /v1 off the base URL (the SDK adds the version)', () => {
    expect(geminiBaseUrl('https://generativelanguage.googleapis.com/v1beta/')).toBe(
      'https://generativelanguage.googleapis.com',
    );
    expect(geminiBaseUrl('http://127.0.0.1:8080/v1')).toBe('http://127.0.0.1:8080');
    expect(geminiBaseUrl('')).toBe('https://generativelanguage.googleapis.com');
  });

  it('refuses values outside the documented ranges before sending', () => {
    expect(
      parameterProblems('gemini', { temperature: 2, topP: 1, stop: ['1', '2', '3', '4', '5'] }),
    ).toEqual([]);
    expect(
      parameterProblems('gemini', { temperature: 2.1, stop: ['1', '2', '3', '4', '5', '6'] }),
    ).toEqual([
      'Google Gemini takes a temperature from 0 to 2, not 2.1.',
      'Google Gemini takes at most 5 stop sequences, not 6.',
    ]);
  });
});

describe('Gemini environment', () => {
  const { environment } = geminiProvider;

  it('reads GOOGLE_API_KEY before GEMINI_API_KEY, as the SDK does', () => {
    const profile = environment.profile({}, {});
    expect(environment.apiKey(profile, { GEMINI_API_KEY: 'gem' })).toBe('gem');
    expect(environment.apiKey(profile, { GEMINI_API_KEY: 'gem', GOOGLE_API_KEY: 'goo' })).toBe(
      'goo',
    );
    expect(environment.apiKey(profile, {})).toBeNull();
  });

  it('is found at first run from either variable, and its base URL variable', () => {
    const vars: Record<string, string> = {
      GEMINI_API_KEY: 'gem',
      GOOGLE_GEMINI_BASE_URL: 'http://127.0.0.1:9/',
    };
    expect(environment.find((name) => vars[name] ?? null)).toEqual({
      variables: ['GEMINI_API_KEY'],
      apiKey: 'gem',
      baseUrl: 'http://127.0.0.1:9/',
    });
    expect(environment.find(() => null)).toBeNull();
  });
});

describe('Gemini in Copy as cURL', () => {
  it('names GEMINI_API_KEY for the redacted key header and streams an alt=sse call unbuffered', () => {
    const command = curlCommand(
      {
        attempt: 0,
        method: 'POST',
        url: 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
        headers: { 'x-goog-api-key': '[redacted]', 'content-type': 'application/json' },
        body: '{"contents":[]}',
        atMs: 0,
      },
      'gemini',
    );
    expect(command).toContain('-H "x-goog-api-key: $GEMINI_API_KEY"');
    expect(command).toContain('--no-buffer');
    expect(command).not.toContain('[redacted]');
  });
});

describe('Gemini: models that refused thinking', () => {
  const at = (id: string, baseUrl: string): ProviderTarget => ({
    profile: { id, name: id, type: 'gemini', baseUrl, defaultModel: 'm' },
    apiKey: null,
  });

  it('are remembered per profile, base URL and model, and the memory stays bounded', () => {
    const a = at('pa', 'http://a');
    rememberRefusedThinking(a, 'gemini-2.5-x-unit');
    expect(refusedThinking(a, 'gemini-2.5-x-unit')).toBe(true);
    expect(refusedThinking(a, 'gemini-2.5-y-unit')).toBe(false);
    expect(refusedThinking(at('pb', 'http://a'), 'gemini-2.5-x-unit')).toBe(false);
    expect(refusedThinking(at('pa', 'http://b'), 'gemini-2.5-x-unit')).toBe(false);
    for (let i = 0; i < 1000; i++) rememberRefusedThinking(a, `gemini-2.5-many-${i}`);
    expect(refusedThinkingCount()).toBe(256);
    // The oldest went first; the newest stay.
    expect(refusedThinking(a, 'gemini-2.5-x-unit')).toBe(false);
    expect(refusedThinking(a, 'gemini-2.5-many-999')).toBe(true);
  });
});
