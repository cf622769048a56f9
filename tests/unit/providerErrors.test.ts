import { describe, expect, it } from 'vitest';
import {
  classifyFailure,
  factsFromBody,
  providerErrorFrom,
} from '../../src/main/core/providers/errors';
import { redactHeaders, redactSecrets } from '../../src/main/core/providers/redact';
import {
  decideRetry,
  defaultRetryPolicy,
  retryAfterMsFrom,
} from '../../src/main/core/providers/retry';
import type { ProviderError } from '../../src/shared/stream';

describe('error classification', () => {
  it.each([
    // OpenAI
    [{ status: 401, type: 'invalid_request_error', code: 'invalid_api_key' }, 'auth'],
    [
      { status: 403, type: 'request_forbidden', code: 'unsupported_country_region_territory' },
      'permission',
    ],
    [{ status: 404, type: 'invalid_request_error', code: 'model_not_found' }, 'not_found'],
    [{ status: 429, type: 'requests', code: 'rate_limit_exceeded' }, 'rate_limit'],
    [{ status: 429, type: 'insufficient_quota', code: 'insufficient_quota' }, 'quota'],
    [
      { status: 400, type: 'invalid_request_error', code: 'context_length_exceeded' },
      'context_length',
    ],
    [
      { status: 400, type: 'invalid_request_error', code: 'content_policy_violation' },
      'content_filter',
    ],
    [{ status: 400, type: 'invalid_request_error', code: 'invalid_type' }, 'bad_request'],
    [{ status: 500, type: 'server_error', code: null }, 'server'],
    [{ status: 503, type: 'server_error', code: null }, 'overloaded'],
    [{ status: 408, message: 'timeout' }, 'timeout'],
    // Azure
    [
      { status: 401, code: '401', message: 'Access denied due to invalid subscription key' },
      'auth',
    ],
    [{ status: 404, code: 'DeploymentNotFound' }, 'not_found'],
    [
      {
        status: 400,
        code: 'content_filter',
        message: "filtered due to Azure OpenAI's content management policy",
      },
      'content_filter',
    ],
    [{ status: 429, code: '429', message: 'exceeded token rate limit' }, 'rate_limit'],
    // Anthropic
    [{ status: 401, type: 'authentication_error' }, 'auth'],
    [{ status: 403, type: 'permission_error' }, 'permission'],
    [{ status: 404, type: 'not_found_error' }, 'not_found'],
    [{ status: 429, type: 'rate_limit_error' }, 'rate_limit'],
    [
      {
        status: 400,
        type: 'invalid_request_error',
        message: 'prompt is too long: 208310 tokens > 200000 maximum',
      },
      'context_length',
    ],
    [
      {
        status: 400,
        type: 'invalid_request_error',
        message: 'Your credit balance is too low to access the Anthropic API.',
      },
      'quota',
    ],
    [{ status: 413, type: 'request_too_large' }, 'bad_request'],
    [{ status: 529, type: 'overloaded_error' }, 'overloaded'],
    [{ status: 500, type: 'api_error' }, 'server'],
    // In-stream errors carry no status: the type decides.
    [{ status: null, type: 'overloaded_error' }, 'overloaded'],
    [{ status: null, type: 'server_error' }, 'server'],
    [{ status: null, type: 'rate_limit_error' }, 'rate_limit'],
    // OpenRouter numeric codes, Groq's whole-budget 413
    [{ status: 402, code: 402, message: 'Insufficient credits' }, 'quota'],
    [{ status: null, code: 502, message: 'Provider returned error' }, 'server'],
    [
      { status: 413, code: 'rate_limit_exceeded', message: 'Request too large for model' },
      'bad_request',
    ],
  ] as const)('%j is %s', (facts, kind) => {
    expect(classifyFailure(facts)).toBe(kind);
  });

  it('turns an HTML error page into a short message naming the status', () => {
    const html =
      '<html>\r\n<head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>';
    const error = providerErrorFrom({ status: 502, message: html });
    expect(error.kind).toBe('server');
    expect(error.message).toContain('502 Bad Gateway');
    expect(error.message).not.toMatch(/<|>/);
    expect(error.message.length).toBeLessThan(160);
  });

  it('names the status when the body is empty', () => {
    expect(providerErrorFrom({ status: 503, message: '' }).message).toBe(
      'HTTP 503 Service Unavailable: the server gave no details.',
    );
  });

  it('keeps messages to one short line and never echoes a key', () => {
    const key = 'sk-proj-abcdefghijklmnop1234';
    const long = `Incorrect API key provided: ${key}.\n${'x'.repeat(1000)}`;
    const error = providerErrorFrom({ status: 401, message: long }, [key]);
    expect(error.message).not.toContain(key);
    expect(error.message).not.toContain('\n');
    expect(error.message.length).toBeLessThanOrEqual(320);
  });

  it('carries retry-after and the request id from the headers', () => {
    const headers = new Headers({ 'retry-after': '7', 'x-request-id': 'req_123' });
    expect(providerErrorFrom({ status: 429, headers })).toMatchObject({
      kind: 'rate_limit',
      retryAfterMs: 7000,
      requestId: 'req_123',
    });
    const anthropic = new Headers({ 'request-id': 'req_011abc' });
    expect(providerErrorFrom({ status: 529, headers: anthropic }).requestId).toBe('req_011abc');
  });
});

describe('error bodies of every shape', () => {
  it.each([
    [
      'OpenAI',
      '{"error":{"message":"Bad key","type":"invalid_request_error","code":"invalid_api_key"}}',
      401,
      'auth',
      'Bad key',
    ],
    [
      'Anthropic',
      '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_1"}',
      529,
      'overloaded',
      'Overloaded',
    ],
    [
      'vLLM',
      '{"object":"error","message":"This model\'s maximum context length is 4096 tokens.","type":"BadRequestError","code":400}',
      400,
      'context_length',
      'maximum context length',
    ],
    [
      'Ollama',
      '{"error":"model \\"llama9\\" not found, try pulling it first"}',
      404,
      'not_found',
      'try pulling it first',
    ],
    ['FastAPI', '{"detail":"Not authenticated"}', 401, 'auth', 'Not authenticated'],
    [
      'OpenRouter',
      '{"error":{"code":402,"message":"Insufficient credits. Add more using https://openrouter.ai/credits"}}',
      402,
      'quota',
      'Insufficient credits',
    ],
  ] as const)('%s', (_name, body, status, kind, words) => {
    const error = providerErrorFrom(factsFromBody(status, body));
    expect(error.kind).toBe(kind);
    expect(error.message).toContain(words);
    expect(error.message).not.toContain('{');
  });
});

describe('retry-after', () => {
  it('prefers retry-after-ms, then retry-after seconds, then an HTTP date, then the message hint', () => {
    expect(retryAfterMsFrom(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), '')).toBe(
      250,
    );
    expect(retryAfterMsFrom(new Headers({ 'retry-after': '2' }), '')).toBe(2000);
    const date = new Date(Date.now() + 5000).toUTCString();
    const fromDate = retryAfterMsFrom(new Headers({ 'retry-after': date }), '');
    expect(fromDate).toBeGreaterThan(3000);
    expect(fromDate).toBeLessThanOrEqual(5000);
    expect(retryAfterMsFrom(null, 'Please try again in 1.5s. Visit …')).toBe(1500);
    expect(retryAfterMsFrom(null, 'Please try again in 20ms.')).toBe(20);
    expect(retryAfterMsFrom(null, 'Please retry after 6 seconds.')).toBeUndefined();
    expect(retryAfterMsFrom(new Headers(), 'nothing')).toBeUndefined();
  });
});

describe('retry decisions', () => {
  const error = (
    kind: ProviderError['kind'],
    extra: Partial<ProviderError> = {},
  ): ProviderError => ({
    kind,
    status: null,
    message: 'm',
    ...extra,
  });
  const noJitter = () => 0.5;

  it.each([
    'auth',
    'permission',
    'not_found',
    'bad_request',
    'context_length',
    'content_filter',
    'quota',
    'cancelled',
    'malformed_response',
  ] as const)('never repeats %s', (kind) => {
    expect(decideRetry(error(kind), 0, defaultRetryPolicy).retry).toBe(false);
  });

  it.each(['rate_limit', 'overloaded', 'server', 'timeout', 'network', 'interrupted'] as const)(
    'repeats %s at most twice',
    (kind) => {
      expect(decideRetry(error(kind), 0, defaultRetryPolicy, null, noJitter).retry).toBe(true);
      expect(decideRetry(error(kind), 1, defaultRetryPolicy, null, noJitter).retry).toBe(true);
      expect(decideRetry(error(kind), 2, defaultRetryPolicy, null, noJitter).retry).toBe(false);
    },
  );

  it('waits what the provider asked, and gives up when that is too long', () => {
    expect(decideRetry(error('rate_limit', { retryAfterMs: 1200 }), 0, defaultRetryPolicy)).toEqual(
      { retry: true, delayMs: 1200 },
    );
    expect(
      decideRetry(error('rate_limit', { retryAfterMs: 60_000 }), 0, defaultRetryPolicy).retry,
    ).toBe(false);
  });

  it('backs off exponentially without a hint', () => {
    expect(decideRetry(error('server'), 0, defaultRetryPolicy, null, noJitter).delayMs).toBe(500);
    expect(decideRetry(error('server'), 1, defaultRetryPolicy, null, noJitter).delayMs).toBe(1000);
  });

  it('follows x-should-retry, but never for auth or quota', () => {
    expect(decideRetry(error('server'), 0, defaultRetryPolicy, 'false').retry).toBe(false);
    expect(decideRetry(error('bad_request'), 0, defaultRetryPolicy, 'true').retry).toBe(true);
    expect(decideRetry(error('quota'), 0, defaultRetryPolicy, 'true').retry).toBe(false);
  });

  it('never repeats a request that is too large', () => {
    expect(
      decideRetry(
        error('rate_limit', { message: 'Request too large for model' }),
        0,
        defaultRetryPolicy,
      ).retry,
    ).toBe(false);
  });
});

describe('redaction', () => {
  it('redacts every credential header, keeping the auth scheme', () => {
    const headers = redactHeaders(
      {
        Authorization: 'Bearer sk-live-1234567890',
        'x-api-key': 'sk-ant-1234567890',
        'api-key': 'azure-key-1234',
        'X-Portkey-Api-Key': 'pk-123456',
        'cf-aig-token': 'tok',
        'x-ratelimit-remaining-tokens': '100',
        'content-type': 'application/json',
      },
      ['cf-aig-token'],
    );
    expect(headers).toEqual({
      authorization: 'Bearer [redacted]',
      'x-api-key': '[redacted]',
      'api-key': '[redacted]',
      'x-portkey-api-key': '[redacted]',
      'cf-aig-token': '[redacted]',
      'x-ratelimit-remaining-tokens': '100',
      'content-type': 'application/json',
    });
  });

  it('leaves harmless headers named like credentials, and strikes a key in any header', () => {
    const headers = redactHeaders({
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'X-Request-ID',
      'idempotency-key': 'stainless-retry-1',
      'x-gateway-note': 'forwarded sk-proj-ABCDEF123456',
      'x-client-secret': 'hunter22',
    });
    expect(headers).toEqual({
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'X-Request-ID',
      'idempotency-key': 'stainless-retry-1',
      'x-gateway-note': 'forwarded [redacted]',
      'x-client-secret': '[redacted]',
    });
  });

  it('removes known secrets and key-shaped tokens from text', () => {
    expect(redactSecrets('key=abc123secret and sk-proj-ABCDEF123456.', ['abc123secret'])).toBe(
      'key=[redacted] and [redacted].',
    );
  });

  it('knows Groq keys by their real prefix (gsk_), and leaves ordinary words alone', () => {
    expect(redactSecrets('Invalid API Key: gsk_A1b2C3d4E5f6G7h8 (groq)', [])).toBe(
      'Invalid API Key: [redacted] (groq)',
    );
    expect(redactSecrets('task_list and desk-top stay', [])).toBe('task_list and desk-top stay');
  });
});
