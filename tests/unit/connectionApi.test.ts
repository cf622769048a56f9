/**
 * The connection test names the wire API that answered (Responses or Chat Completions) and, when
 * the server refuses it, says so and which setting to switch to. Against the emulator on
 * 127.0.0.1; a server lacking a route is the emulator behind a fetch that answers 404/405 there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeConnection, type FetchLike } from '../../src/main/core/profiles/connectionProbe';
import type { ResolvedTarget } from '../../src/main/core/profiles/resolveTarget';
import type { WireApi } from '../../src/shared/wireApi';
import { startEmulator, type Emulator } from '../emulator/server';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

function target(
  type: 'openai' | 'azure',
  api: WireApi | undefined,
  extra: Partial<ResolvedTarget['profile']> = {},
): ResolvedTarget {
  return {
    profile: {
      id: 'p',
      name: 'p',
      type,
      headers: [],
      authMethod: 'apiKey',
      baseUrl: type === 'azure' ? emulator.origin : emulator.url,
      defaultModel: type === 'azure' ? 'deploy-emu' : 'emu-1',
      ...(api ? { api } : {}),
      ...extra,
    },
    apiKey: 'sk-probe-key-123456',
    bearerToken: null,
    headers: {},
  };
}

/** The emulator, except that one route answers with this status, as a server without it does. */
function lacking(route: RegExp, status: number, message = 'Invalid URL'): FetchLike {
  return async (url, init) => {
    if (init.method === 'POST' && route.test(new URL(url).pathname))
      return new Response(JSON.stringify({ error: { message, type: 'invalid_request_error' } }), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    return fetch(url, init);
  };
}

const since = () => {
  const from = emulator.requests.length;
  return () => emulator.requests.slice(from);
};

describe('the connection test names the wire API', () => {
  it.each([
    ['responses', '/v1/responses', 'the Responses API'],
    ['chat', '/v1/chat/completions', 'the Chat Completions API'],
  ] as const)('OpenAI, api %s: lists the models, then asks %s', async (api, path, label) => {
    const sent = since();
    const report = await probeConnection(target('openai', api), { checkApi: true });
    expect(report).toMatchObject({ ok: true, step: 'done', status: 200, api });
    expect(report.message).toBe(`Connected: HTTP 200, 2 models available; ${label} answered.`);
    expect(report.models).toContain('emu-1');
    expect(report.url).toBe(`${emulator.url}${path.slice(3)}`);
    const calls = sent();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /v1/models', `POST ${path}`]);
    expect(calls[1]!.headers.authorization).toBe('Bearer sk-probe-key-123456');
    if (api === 'responses') expect(calls[1]!.body).toMatchObject({ store: false, model: 'emu-1' });
  });

  it('refreshing the model list makes no chat call', async () => {
    const sent = since();
    const report = await probeConnection(target('openai', 'responses'));
    expect(report).toMatchObject({ ok: true, step: 'done' });
    expect(report.api).toBeUndefined();
    expect(sent().map((c) => c.path)).toEqual(['/v1/models']);
  });

  it.each([
    ['responses', /\/responses$/, 404, 'chat', 'Chat Completions'],
    ['responses', /\/responses$/, 405, 'chat', 'Chat Completions'],
    ['chat', /\/chat\/completions$/, 404, 'responses', 'Responses API'],
  ] as const)(
    'api %s refused with %s (route %s): says so and suggests %s',
    async (api, route, status, suggested, label) => {
      const report = await probeConnection(target('openai', api), {
        checkApi: true,
        fetch: lacking(route, status),
      });
      expect(report).toMatchObject({
        ok: false,
        step: 'http',
        status,
        api,
        suggestedApi: suggested,
      });
      expect(report.message).toContain(`(HTTP ${status}). Set "API" to ${label} in this profile`);
      expect(report.message).toContain('The server said: "Invalid URL"');
    },
  );

  it('a 400 that names the other API’s path is a refusal too', async () => {
    const report = await probeConnection(target('openai', 'chat'), {
      checkApi: true,
      fetch: lacking(
        /\/chat\/completions$/,
        400,
        'This model is only supported in v1/responses and not in v1/chat/completions.',
      ),
    });
    expect(report).toMatchObject({ ok: false, suggestedApi: 'responses' });
    expect(report.message).toMatch(/refused the Chat Completions API \(HTTP 400\)/);
  });

  it('another failure of the chat call is reported as it is, without a switch', async () => {
    const report = await probeConnection(target('openai', 'responses'), {
      checkApi: true,
      fetch: lacking(/\/responses$/, 401, 'Incorrect API key provided'),
    });
    expect(report).toMatchObject({ ok: false, step: 'auth', status: 401, api: 'responses' });
    expect(report.suggestedApi).toBeUndefined();
    expect(report.message).toMatch(
      /^The call to the Responses API failed: The server refused the key/,
    );
  });

  it('Azure, api responses: one call on the v1 path with the deployment as model', async () => {
    const sent = since();
    const report = await probeConnection(target('azure', 'responses'), { checkApi: true });
    expect(report).toMatchObject({ ok: true, step: 'done', api: 'responses', method: 'POST' });
    expect(report.message).toBe('Connected: HTTP 200; the Responses API answered.');
    const calls = sent();
    expect(calls.map((c) => c.url)).toEqual(['/openai/v1/responses']);
    expect(calls[0]!.headers['api-key']).toBe('sk-probe-key-123456');
    expect(calls[0]!.body).toMatchObject({ model: 'deploy-emu', store: false });
  });

  it('Azure without the setting tests Chat Completions on the deployment', async () => {
    const report = await probeConnection(target('azure', undefined), { checkApi: true });
    expect(report).toMatchObject({ ok: true, api: 'chat' });
    expect(report.message).toBe('Connected: HTTP 200; the Chat Completions API answered.');
  });

  it('Azure refusing the v1 Responses path: the deployment or the API, and the switch', async () => {
    const notFound = await probeConnection(target('azure', 'responses'), {
      fetch: lacking(/\/v1\/responses$/, 404, 'Resource not found'),
    });
    expect(notFound).toMatchObject({ ok: false, step: 'model', suggestedApi: 'chat' });
    expect(notFound.message).toMatch(
      /deployment "deploy-emu" was not found \(HTTP 404\).* If it exists, the server may not offer the Responses API: set "API" to Chat Completions\./,
    );
    const notAllowed = await probeConnection(target('azure', 'responses'), {
      fetch: lacking(/\/v1\/responses$/, 405),
    });
    expect(notAllowed).toMatchObject({ ok: false, step: 'http', suggestedApi: 'chat' });
    expect(notAllowed.message).toMatch(/refused the Responses API \(HTTP 405\)/);
  });
});
