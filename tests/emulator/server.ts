import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  answerAnthropicMessages,
  searchOf,
  contentText,
  thinkingProblem,
  type MessagesBody,
} from './anthropicDialect';
import { faultResponse, type Dialect } from './faults';
import * as gemini from './geminiDialect';
import { answerOpenAIChat, sendJson, type ChatBody } from './openaiDialect';
import { routeResponses } from './responsesDialect';
import { scenarioFor, withinMaxTokens, type Scenario } from './script';
import { anthropicQuestion, anthropicToolPlan, geminiToolPlan, openAIToolPlan } from './toolTurns';
import { tokenize } from './answers';
import { holdSilently } from './silence';
import { offersGoogleSearch } from './webSearch';
import { chatContentText, refusedImage } from './attachments';
import { answerSearch, searchDialect } from './searchProviders';
import { answerEmbeddings, embeddingsCall } from './embeddings';

export interface EmulatorOptions {
  port?: number;
  /** Default answer length and speed when the prompt names none. */
  defaultTokens?: number;
  defaultRate?: number;
  /**
   * When set, only these keys are accepted (Bearer for OpenAI, x-api-key for Anthropic,
   * api-key for Azure, x-goog-api-key for Gemini); any other gets that provider's 401 (Gemini's
   * 400 API_KEY_INVALID). Unset: any key or none, except that a key containing "-bad-" is always
   * refused (with the hyphens, so that no random hex in a test's good key can trip it).
   */
  acceptKeys?: string[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** Path with its query string (Azure's api-version lives there). */
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** When its body had arrived (ms epoch): tests of "at once" compare it with another's closedAt. */
  receivedAt: number;
  /** When the connection for this request closed (ms epoch), and whether the answer was whole. */
  closedAt?: number;
  completed?: boolean;
  /** Everything written back (JSON or SSE text), so tests can read the usage it reported. */
  response: string;
}

export interface Emulator {
  /** OpenAI-style base URL (`…/v1`), for OPENAI_BASE_URL. */
  url: string;
  /** The bare origin: ANTHROPIC_BASE_URL and AZURE_OPENAI_ENDPOINT. */
  origin: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A provider emulator on 127.0.0.1 speaking five dialects, streamed and not:
 * - OpenAI and compatible servers: POST /v1/chat/completions, GET /v1/models;
 * - Azure OpenAI: POST /openai/deployments/{deployment}/chat/completions?api-version=…
 *   with an `api-key` header, GET /openai/models;
 * - Anthropic: POST /v1/messages with `x-api-key` and `anthropic-version`, GET /v1/models;
 * - OpenAI's Responses API: POST /v1/responses (Azure: /openai/v1/responses), responsesDialect.ts.
 * - Gemini: /v1beta/models… with `x-goog-api-key` (geminiDialect.ts).
 * - Embeddings: POST /v1/embeddings and Gemini's :batchEmbedContents (embeddings.ts).
 * Scenarios and faults come from directives in the last user message (see script.ts).
 * Every loop in it is bounded and ends when the client goes away.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const requests: RecordedRequest[] = [];
  const defaults = { tokens: options.defaultTokens ?? 40, rate: options.defaultRate ?? 200 };
  // How often each prompt has been asked, so `times=N` faults can clear up on a retry.
  const seen = new Map<string, number>();

  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = raw;
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const record: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        url: url.pathname + url.search,
        headers: req.headers,
        body,
        receivedAt: Date.now(),
        response: '',
      };
      requests.push(record);
      teeResponse(res, record);
      res.on('close', () => {
        record.closedAt = Date.now();
        record.completed = res.writableFinished;
      });
      void route(req, res, url, body).catch((error: unknown) => {
        if (!res.headersSent)
          sendJson(res, 500, { error: { message: String(error), type: 'emulator_error' } });
        else res.destroy();
      });
    });
  });

  async function route(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    body: unknown,
  ): Promise<void> {
    const path = url.pathname;
    const search = searchDialect(req.method, path);
    if (search) return answerSearch(search, req, res, url, body);
    const embeddings = embeddingsCall(req.method, path);
    if (embeddings) {
      if (!authorized(embeddings.dialect, req))
        return fault(
          res,
          embeddings.dialect,
          embeddings.dialect === 'gemini' ? 'bad_key' : '401',
          'none',
        );
      return answerEmbeddings(res, embeddings, body, seen);
    }
    const geminiCall = gemini.geminiCall(req.method, path);
    if (geminiCall) return geminiRoute(req, res, geminiCall, body as gemini.GeminiBody | null);
    const azure = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(path);
    if (req.method === 'POST' && azure) {
      if (!url.searchParams.get('api-version'))
        return sendJson(res, 404, { error: { code: '404', message: 'Resource not found' } });
      if (!authorized('azure', req)) return fault(res, 'azure', '401', azure[1]!);
      return chat('azure', req, res, body as ChatBody, decodeURIComponent(azure[1]!));
    }
    if (req.method === 'POST' && path.endsWith('/messages')) {
      if (!authorized('anthropic', req)) return fault(res, 'anthropic', '401', 'none');
      if (!req.headers['anthropic-version'])
        return sendJson(res, 400, {
          type: 'error',
          error: {
            type: 'invalid_request_error',
            message: 'anthropic-version: header is required',
          },
        });
      return messages(req, res, body as MessagesBody);
    }
    const model = (body as { model?: string } | null)?.model ?? '';
    if (req.method === 'POST' && path.endsWith('/responses') && /text-only/.test(model))
      if (refusedImage(res, path.startsWith('/openai/') ? 'azure' : 'openai', model, body)) return;
    if (req.method === 'POST' && path.endsWith('/responses'))
      return routeResponses(req, res, path, body, { authorized, scenarioOrFault, fault, headers });
    if (req.method === 'POST' && path.endsWith('/chat/completions')) {
      if (!authorized('openai', req)) return fault(res, 'openai', '401', 'none');
      return chat('openai', req, res, body as ChatBody, null);
    }
    if (req.method === 'GET' && (path.endsWith('/models') || path === '/openai/models')) {
      const dialect: Dialect = req.headers['anthropic-version']
        ? 'anthropic'
        : path.startsWith('/openai')
          ? 'azure'
          : 'openai';
      if (!authorized(dialect, req)) return fault(res, dialect, '401', 'none');
      return models(res, dialect);
    }
    sendJson(res, 404, {
      error: { message: `No route ${req.method} ${path}`, type: 'invalid_request_error' },
    });
  }

  /** Gemini (geminiDialect.ts): its wrong key is a 400, its models list its own shape. */
  async function geminiRoute(
    req: IncomingMessage,
    res: ServerResponse,
    call: gemini.GeminiCall,
    body: gemini.GeminiBody | null,
  ) {
    if (!authorized('gemini', req)) return fault(res, 'gemini', 'bad_key', 'none', {});
    if (call.list) return gemini.geminiModels(res);
    const prompt = gemini.geminiPrompt(body);
    if (refusedImage(res, 'gemini', call.model, body)) return;
    const scenario = scenarioOrFault('gemini', req, res, prompt, call.model, false);
    if (!scenario) return;
    if (scenario.hang) return holdSilently(res);
    const headers = scenario.cors ? corsHeaders : {};
    const plan = geminiToolPlan(prompt, body ?? {});
    const capped = withinMaxTokens(scenario, body);
    await gemini.answerGemini(res, {
      ...call,
      body: body ?? {},
      scenario: plan?.kind === 'answer' ? { ...capped, tokens: tokenize(plan.text) } : capped,
      headers,
      toolCalls: plan?.kind === 'calls' ? plan.calls : undefined,
      search: !plan && offersGoogleSearch(body?.tools) ? prompt : null,
    });
  }

  function authorized(dialect: Dialect, req: IncomingMessage): boolean {
    // A key containing "-bad-" is refused, as a provider refuses a wrong key (keys e2e). The
    // hyphens matter: a bare "bad" turns up in random hex keys about once in 300 runs.
    const sent = [
      req.headers.authorization,
      req.headers['api-key'],
      req.headers['x-api-key'],
      req.headers['x-goog-api-key'],
    ];
    if (sent.some((value) => typeof value === 'string' && /-bad-/i.test(value))) return false;
    if (!options.acceptKeys) return true;
    const key = sentKey(dialect, req);
    return key !== null && options.acceptKeys.includes(key);
  }

  /** The key a request carried, where its dialect sends it. */
  function sentKey(dialect: Dialect, req: IncomingMessage): string | null {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (dialect === 'gemini') return gemini.geminiKey(req);
    const key =
      dialect === 'anthropic'
        ? req.headers['x-api-key']
        : dialect === 'azure'
          ? (req.headers['api-key'] ?? bearer)
          : bearer;
    return typeof key === 'string' ? key : null;
  }

  /**
   * The scenario for this request: its faults (HTTP fault, drop, end, in-stream error) hold for
   * the first `times` requests with this prompt, then clear, so a retry can succeed.
   * Answers with the HTTP fault itself when one applies, and returns null then.
   */
  function scenarioOrFault(
    dialect: Dialect,
    req: IncomingMessage,
    res: ServerResponse,
    prompt: string,
    model: string,
    sentStreamOptions: boolean,
  ): Scenario | null {
    const scenario = scenarioFor(prompt, defaults);
    const faulty =
      scenario.fault !== null ||
      scenario.drop !== null ||
      scenario.end !== null ||
      scenario.errorAt !== null ||
      scenario.hang ||
      scenario.stall !== null;
    if (!faulty) return scenario;
    const key = `${dialect}\u0000${prompt}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count > scenario.times)
      return {
        ...scenario,
        fault: null,
        drop: null,
        end: null,
        errorAt: null,
        hang: false,
        stall: null,
      };
    if (!scenario.fault || (scenario.fault === 'stream_options' && !sentStreamOptions))
      return scenario;
    const headers: Record<string, string> = {
      ...requestIdHeaders(dialect),
      ...rateLimitHeaders(dialect, scenario.fault === '429'),
    };
    if (scenario.retryAfter !== null) headers['retry-after'] = scenario.retryAfter;
    if (scenario.retryAfterMs !== null) headers['retry-after-ms'] = scenario.retryAfterMs;
    fault(
      res,
      dialect,
      scenario.fault,
      model,
      headers,
      scenario.echoKey ? sentKey(dialect, req) : null,
    );
    return null;
  }

  function fault(
    res: ServerResponse,
    dialect: Dialect,
    name: string,
    model: string,
    headers = requestIdHeaders(dialect),
    echoKey: string | null = null,
  ): void {
    const response = faultResponse(dialect, name, model, headers, echoKey);
    if (!response)
      return sendJson(res, 500, {
        error: { message: `Unknown fault ${name}`, type: 'emulator_error' },
      });
    res.writeHead(response.status, response.headers);
    res.end(response.body);
  }

  async function chat(
    dialect: 'openai' | 'azure',
    req: IncomingMessage,
    res: ServerResponse,
    body: ChatBody,
    deployment: string | null,
  ) {
    const all = body?.messages ?? [];
    const prompt = chatContentText(
      [...all].reverse().find((m) => m.role === 'user')?.content ?? undefined,
    );
    const model = deployment ?? body?.model ?? 'emu-1';
    if (refusedImage(res, dialect, model, body)) return;
    const scenario = scenarioOrFault(dialect, req, res, prompt, model, !!body?.stream_options);
    if (!scenario) return;
    if (scenario.hang) return holdSilently(res);
    const headers = {
      ...requestIdHeaders(dialect),
      ...rateLimitHeaders(dialect, false),
      ...(scenario.cors ? corsHeaders : {}),
    };
    const capped = withinMaxTokens(scenario, body);
    const plan = openAIToolPlan(prompt, body ?? {});
    const answer = plan?.kind === 'answer' ? { ...capped, tokens: tokenize(plan.text) } : capped;
    const toolCalls = plan?.kind === 'calls' ? plan.calls : undefined;
    await answerOpenAIChat(res, {
      dialect,
      body: body ?? {},
      scenario: answer,
      model,
      headers,
      toolCalls,
    });
  }

  async function messages(req: IncomingMessage, res: ServerResponse, body: MessagesBody) {
    const all = body?.messages ?? [];
    const last = anthropicQuestion(body ?? {}) ?? [...all].reverse().find((m) => m.role === 'user');
    const prompt = last ? contentText(last.content) : '';
    const model = body?.model ?? 'claude-emu-1';
    if (refusedImage(res, 'anthropic', model, body)) return;
    const refused = thinkingProblem(body ?? {});
    if (refused)
      return sendJson(res, 400, {
        type: 'error',
        error: { type: 'invalid_request_error', message: refused },
      });
    const scenario = scenarioOrFault('anthropic', req, res, prompt, model, false);
    if (!scenario) return;
    if (scenario.hang) return holdSilently(res);
    const headers = {
      ...requestIdHeaders('anthropic'),
      ...rateLimitHeaders('anthropic', false),
      ...(scenario.cors ? corsHeaders : {}),
    };
    const capped = withinMaxTokens(scenario, body);
    const plan = anthropicToolPlan(prompt, body ?? {});
    const answer = plan?.kind === 'answer' ? { ...capped, tokens: tokenize(plan.text) } : capped;
    const toolCalls = plan?.kind === 'calls' ? plan.calls : undefined;
    await answerAnthropicMessages(res, {
      body: body ?? {},
      scenario: answer,
      model,
      headers,
      toolCalls,
      // The provider's own search answers a question, not a tool step.
      search: plan ? null : searchOf(body ?? {}, prompt),
    });
  }

  function models(res: ServerResponse, dialect: Dialect) {
    if (dialect === 'anthropic') {
      const data = ['claude-emu-1', 'claude-emu-2'].map((id, i) => ({
        type: 'model',
        id,
        display_name: `Claude Emu ${i + 1}`,
        created_at: '2026-01-15T00:00:00Z',
      }));
      return sendJson(
        res,
        200,
        { data, has_more: false, first_id: data[0]!.id, last_id: data[1]!.id },
        requestIdHeaders(dialect),
      );
    }
    const data = ['emu-1', 'emu-2'].map((id) => ({
      id,
      object: 'model',
      created: 1_700_000_000,
      owned_by: 'emulator',
    }));
    sendJson(res, 200, { object: 'list', data }, requestIdHeaders(dialect));
  }

  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}

/** CORS headers as API servers send them: policy, never credentials (cors=1). */
const corsHeaders: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-credentials': 'true',
  'access-control-expose-headers': 'X-Request-ID, X-Ratelimit-Remaining-Tokens',
};

/** An answer's headers: its request id, its rate limits and the CORS ones a scenario asks for. */
function headers(dialect: Dialect, scenario: Scenario): Record<string, string> {
  return {
    ...requestIdHeaders(dialect),
    ...rateLimitHeaders(dialect, false),
    ...(scenario.cors ? corsHeaders : {}),
  };
}

function requestIdHeaders(dialect: Dialect): Record<string, string> {
  // The Gemini API names no request-id header (nor rate-limit ones) in its docs or SDK.
  if (dialect === 'gemini') return {};
  if (dialect === 'anthropic')
    return { 'request-id': `req_011CEmu${randomUUID().replace(/-/g, '').slice(0, 20)}` };
  if (dialect === 'azure') {
    const id = randomUUID();
    return { 'apim-request-id': id, 'x-request-id': id, 'x-ms-region': 'Emulator Region' };
  }
  return {
    'x-request-id': `req_${randomUUID().replace(/-/g, '')}`,
    'openai-processing-ms': '12',
    'openai-version': '2020-10-01',
  };
}

/** The rate-limit headers each provider sends (exhausted ones on a 429). */
function rateLimitHeaders(dialect: Dialect, exhausted: boolean): Record<string, string> {
  if (dialect === 'gemini') return {};
  if (dialect === 'anthropic') {
    const reset = new Date(Date.now() + 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const bucket = (name: string, limit: number, remaining: number) => ({
      [`anthropic-ratelimit-${name}-limit`]: String(limit),
      [`anthropic-ratelimit-${name}-remaining`]: String(exhausted ? 0 : remaining),
      [`anthropic-ratelimit-${name}-reset`]: reset,
    });
    return {
      ...bucket('requests', 4000, 3999),
      ...bucket('tokens', 480_000, 479_000),
      ...bucket('input-tokens', 400_000, 399_000),
      ...bucket('output-tokens', 80_000, 80_000),
    };
  }
  return {
    'x-ratelimit-limit-requests': '10000',
    'x-ratelimit-limit-tokens': '30000000',
    'x-ratelimit-remaining-requests': exhausted ? '0' : '9999',
    'x-ratelimit-remaining-tokens': exhausted ? '0' : '29999000',
    'x-ratelimit-reset-requests': exhausted ? '6m0s' : '6ms',
    'x-ratelimit-reset-tokens': exhausted ? '1.5s' : '2ms',
  };
}

/** Copies what the emulator writes into `record.response` (tests sum the usage it reported). */
function teeResponse(res: ServerResponse, record: RecordedRequest): void {
  const keep = (chunk: unknown) => {
    if (typeof chunk === 'string' || chunk instanceof Uint8Array)
      record.response += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((...args: unknown[]) => {
    keep(args[0]);
    return write(...args);
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    if (typeof args[0] !== 'function') keep(args[0]);
    return end(...args);
  }) as typeof res.end;
}
