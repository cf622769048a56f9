import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeNetworkError,
  probeConnection,
  redactUrl,
} from '../../src/main/core/profiles/connectionProbe';
import {
  candidatesFromEnvFile,
  candidatesFromVariables,
  probeLocalServers,
  publicCandidate,
} from '../../src/main/core/profiles/discoverSetup';
import type { ResolvedTarget } from '../../src/main/core/profiles/resolveTarget';
import { saidText, setUiLanguage } from '../../src/renderer/src/lib/i18n';
import { startEmulator, type Emulator } from '../emulator/server';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

function target(
  overrides: Partial<ResolvedTarget['profile']> = {},
  apiKey: string | null = 'sk-good-key-1234',
): ResolvedTarget {
  return {
    profile: {
      id: 'p',
      name: 'p',
      type: 'openai-compatible',
      headers: [],
      authMethod: 'apiKey',
      baseUrl: emulator.url,
      defaultModel: 'emu-1',
      ...overrides,
    },
    apiKey,
    bearerToken: null,
    headers: {},
  };
}

/** A port nothing listens on: bind one, then close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('probeConnection', () => {
  it('passes against a working server and lists its models', async () => {
    const report = await probeConnection(target());
    expect(report).toMatchObject({
      ok: true,
      step: 'done',
      status: 200,
      models: expect.arrayContaining(['emu-1']),
      url: `${emulator.url}/models`,
      method: 'GET',
    });
  });

  it('names a bad key as the failing step, without the key', async () => {
    const report = await probeConnection(target({}, 'sk-bad-key-9876'));
    expect(report).toMatchObject({ ok: false, step: 'auth', status: 401 });
    expect(report.message).toMatch(/refused the key/);
    expect(JSON.stringify(report)).not.toContain('sk-bad-key-9876');
  });

  it('says when the model is not offered', async () => {
    const report = await probeConnection(target({ defaultModel: 'gpt-9' }));
    expect(report).toMatchObject({ ok: false, step: 'model' });
    expect(report.message).toContain('"gpt-9"');
  });

  it('says when nothing is listening (connection refused)', async () => {
    const port = await closedPort();
    const report = await probeConnection(target({ baseUrl: `http://127.0.0.1:${port}/v1` }));
    expect(report).toMatchObject({ ok: false, step: 'connect' });
    expect(report.message).toMatch(/connection refused/);
  });

  it('says when a wrong path answers 404, without quoting an HTML page', async () => {
    const fetch = async () =>
      new Response('<html><body><h1>Not Found</h1></body></html>', { status: 404 });
    const report = await probeConnection(target({ baseUrl: 'https://proxy.example/' }), { fetch });
    expect(report).toMatchObject({
      ok: false,
      status: 404,
      step: 'model',
      url: 'https://proxy.example/models',
    });
    expect(report.message).toMatch(/Check the Base URL/);
    expect(report.message).not.toContain('<html>');
  });

  it('names DNS, TLS and timeout failures from the socket error', () => {
    const url = new URL('https://api.example.invalid/v1');
    const withCause = (code: string) =>
      Object.assign(new TypeError('fetch failed'), { cause: { code } });
    expect(describeNetworkError(withCause('ENOTFOUND'), url).step).toBe('dns');
    expect(describeNetworkError(withCause('DEPTH_ZERO_SELF_SIGNED_CERT'), url).step).toBe('tls');
    expect(describeNetworkError(withCause('ERR_TLS_CERT_ALTNAME_INVALID'), url).step).toBe('tls');
    expect(
      describeNetworkError(Object.assign(new Error('t'), { name: 'TimeoutError' }), url).step,
    ).toBe('timeout');
  });

  it('asks an Azure deployment for one token and reports a missing deployment', async () => {
    const fetch = async (url: string, init: { headers: Record<string, string>; body?: string }) => {
      expect(url).toBe(
        'https://res.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21',
      );
      expect(init.headers['api-key']).toBe('azure-key-123456789');
      expect(JSON.parse(init.body ?? '{}')).toMatchObject({ max_tokens: 1 });
      return new Response(
        JSON.stringify({
          error: {
            code: 'DeploymentNotFound',
            message: 'The API deployment for this resource does not exist.',
          },
        }),
        { status: 404 },
      );
    };
    const report = await probeConnection(
      {
        ...target(
          {
            type: 'azure',
            baseUrl: 'https://res.openai.azure.com',
            defaultModel: 'gpt4o',
            azure: { apiVersion: '2024-10-21' },
          },
          'azure-key-123456789',
        ),
      },
      { fetch },
    );
    expect(report).toMatchObject({ ok: false, step: 'model', status: 404, method: 'POST' });
    expect(report.message).toMatch(/deployment "gpt4o" was not found/);
  });

  it('puts the usage of its billed call on the report (Azure, Responses), none for a models list', async () => {
    const wireUsage = () =>
      (JSON.parse(emulator.requests.at(-1)!.response) as { usage: Record<string, number> }).usage;
    const azure = await probeConnection(
      target({ type: 'azure', baseUrl: emulator.origin, defaultModel: 'gpt-4o-mini' }),
    );
    expect(azure).toMatchObject({ ok: true, method: 'POST' });
    const chat = wireUsage();
    expect(azure.billed).toEqual({
      model: 'gpt-4o-mini',
      usage: expect.objectContaining({
        inputTokens: chat.prompt_tokens,
        outputTokens: chat.completion_tokens,
      }),
    });
    const responses = await probeConnection(target({ type: 'openai', api: 'responses' }), {
      checkApi: true,
    });
    expect(responses).toMatchObject({ ok: true, api: 'responses' });
    const wire = wireUsage();
    expect(responses.billed).toEqual({
      model: 'emu-1',
      usage: expect.objectContaining({
        inputTokens: wire.input_tokens,
        outputTokens: wire.output_tokens,
        cachedInputTokens: 0,
        reasoningTokens: 0,
      }),
    });
    // The models list alone bills nothing.
    expect((await probeConnection(target())).billed).toBeUndefined();
  });

  it('refuses to call without a key where one is needed, and redacts keys in URLs', async () => {
    expect(await probeConnection(target({ type: 'openai' }, null))).toMatchObject({
      ok: false,
      step: 'config',
    });
    expect(redactUrl('https://u:p@x.example/v1?key=abc&api-version=1')).toBe(
      'https://redacted:redacted@x.example/v1?key=REDACTED&api-version=1',
    );
  });
});

describe('first-run discovery', () => {
  it('finds keys in the environment and in a .env file, exposing only hints', () => {
    const env = candidatesFromVariables(
      { OPENAI_API_KEY: 'sk-env-openai-0001', AZURE_OPENAI_ENDPOINT: 'https://r.openai.azure.com' },
      'environment',
    );
    expect(env.map((c) => [c.type, c.hint])).toEqual([
      ['openai', '0001'],
      ['azure', null],
    ]);
    const file = candidatesFromEnvFile(
      '# keys\nANTHROPIC_API_KEY="sk-ant-file-0002"\nexport OPENAI_BASE_URL=http://x/v1\n',
    );
    expect(file).toMatchObject([
      {
        type: 'anthropic',
        source: 'envFile',
        hint: '0002',
        title: 'ANTHROPIC_API_KEY in the .env file',
      },
    ]);
  });

  it('names what it found in the person’s language (the variables as they are)', () => {
    const [azure] = candidatesFromVariables(
      {
        AZURE_OPENAI_API_KEY: 'k-0123456789ab',
        AZURE_OPENAI_ENDPOINT: 'https://r.openai.azure.com',
      },
      'environment',
    );
    const shown = publicCandidate(azure!);
    expect(shown.title).toMatch(/^AZURE_OPENAI_\w+ and AZURE_OPENAI_\w+ in the environment$/);
    setUiLanguage('de');
    expect(saidText(shown.titleSaid, shown.title)).toMatch(
      /^AZURE_OPENAI_\w+ und AZURE_OPENAI_\w+ in der Umgebung$/,
    );
    setUiLanguage('zh-CN');
    expect(saidText(shown.titleSaid, shown.title)).toMatch(/^环境变量中的 AZURE_OPENAI_\w+ 和 /);
    setUiLanguage('en');
    expect(JSON.stringify(shown)).not.toContain('k-0123456789ab');
  });

  it('finds a local OpenAI-compatible server and skips silent ports quickly', async () => {
    const silent = await closedPort();
    const started = Date.now();
    const found = await probeLocalServers([
      { name: 'Ollama', port: emulator.port },
      { name: 'LM Studio', port: silent },
    ]);
    expect(found).toMatchObject([
      {
        title: `Ollama on 127.0.0.1:${emulator.port}`,
        type: 'openai-compatible',
        models: expect.arrayContaining(['emu-1']),
        apiKey: null,
      },
    ]);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
