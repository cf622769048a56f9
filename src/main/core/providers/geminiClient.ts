import { ApiError, GoogleGenAI, type GenerateContentParameters } from '@google/genai';
import { geminiAnswerReader } from './geminiEvents';
import { rememberRefusedThinking, refusedThinking } from './geminiNoThinking';
import { geminiParameters, withoutThinking } from './geminiRequest';
import type { AdapterOptions } from './ProviderModule';
import type {
  AdapterAttempt,
  ChatRequest,
  ModelInfo,
  ProviderAdapter,
  ProviderTarget,
} from './types';

export const DEFAULT_GEMINI_BASE_URL = 'https://generativelanguage.googleapis.com';
/** 3.3 defaults to `v1`; the thinking config and thought parts are `v1beta` features. */
export const GEMINI_API_VERSION = 'v1beta';
/** Sent in place of a missing key, then taken out again by the attempt's fetch. */
const NO_KEY = 'switchboard-no-key';
const KEY_HEADER = 'x-goog-api-key';
/** The model picker's bound, as the connection test's: a hostile server's list stays small. */
const MAX_MODELS = 1000;

/** People paste ".../v1beta" from Google's examples; the SDK adds the version itself. */
export function geminiBaseUrl(url: string): string {
  return (url || DEFAULT_GEMINI_BASE_URL).replace(/\/+$/, '').replace(/\/v1(beta)?$/, '');
}

/**
 * An HTTP error as the engine reads every SDK's (thrownErrors.ts): `status`, `error` and
 * `headers`. The SDK's ApiError has only a status and the body JSON-encoded in its message.
 */
export class GeminiHttpError extends Error {
  override name = 'GeminiHttpError';
  constructor(
    readonly status: number,
    readonly error: unknown,
    readonly headers: Headers | null,
    message: string,
  ) {
    super(message);
  }
}

/**
 * What the SDK refused before sending anything (`tModel`: "model is required and must be a
 * string", "invalid model parameter"): a bad request, never a network failure to retry.
 */
export class GeminiRequestError extends Error {
  override name = 'GeminiRequestError';
  readonly status = null;
  readonly error: { type: string; message: string };
  constructor(cause: unknown) {
    const said = cause instanceof Error ? cause.message : String(cause);
    super(said);
    this.error = {
      type: 'invalid_request_error',
      message: `Google's SDK refused the request before sending it: ${said}.`,
    };
  }
}

function rethrown(error: unknown, headers: Headers | null): unknown {
  if (!(error instanceof ApiError)) return error;
  let body: unknown = null;
  try {
    body = JSON.parse(error.message);
  } catch {
    // A stream error chunk's message is "got status: …. {json}": the engine reads the raw body.
  }
  return new GeminiHttpError(error.status, body, headers, error.message);
}

/**
 * The fetch of one call. The engine reads every answer's body itself (sseReader.ts, the idle
 * watchdog): a 2xx response is kept for it and the SDK gets a stand-in with an empty JSON body
 * (a non-streamed call would read the body at once through HttpResponse.json()). An error
 * response goes to the SDK as it is, so it throws ApiError with its status.
 */
/** What goes out: the SDK's placeholder key taken out when there is no key. */
function sentHeaders(init: RequestInit | undefined, hasKey: boolean): Headers {
  const headers = new Headers(init?.headers);
  // No key (a gateway's own header carries it): the SDK always adds one, so it goes here.
  if (!hasKey && headers.get(KEY_HEADER) === NO_KEY) headers.delete(KEY_HEADER);
  return headers;
}

function attemptFetch(base: typeof fetch, hasKey: boolean) {
  const held: { sent: boolean; response: Response | null; headers: Headers | null } = {
    sent: false,
    response: null,
    headers: null,
  };
  const fetchFn = async (input: string | URL | Request, init?: RequestInit) => {
    held.sent = true;
    const response = await base(input, { ...init, headers: sentHeaders(init, hasKey) });
    held.headers = response.headers;
    if (!response.ok) return response;
    held.response = response;
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetchFn, held };
}

function createClient(target: ProviderTarget, fetchFn: typeof fetch): GoogleGenAI {
  return new GoogleGenAI({
    // A key passed in code: the SDK then uses neither GOOGLE_API_KEY nor GEMINI_API_KEY (it still
    // looks at them, and warns on the console when both are set: getApiKeyFromEnv).
    apiKey: target.apiKey ?? NO_KEY,
    // Pinned, so GOOGLE_GENAI_USE_VERTEXAI and GOOGLE_GENAI_API_VERSION change nothing here.
    vertexai: false,
    apiVersion: GEMINI_API_VERSION,
    httpOptions: {
      baseUrl: geminiBaseUrl(target.profile.baseUrl),
      // The profile's headers go as they are; one named x-goog-api-key wins over the SDK's.
      headers: { ...target.headers },
      fetch: fetchFn,
      // No `timeout` (it would add an X-Server-Timeout header; the engine times the call) and
      // no `retryOptions` (one attempt: the engine's retry policy holds).
    },
  });
}

const signalAborted = (params: GenerateContentParameters) => !!params.config?.abortSignal?.aborted;

/** Gemini's generateContent / streamGenerateContent and its models list, through @google/genai. */
export function createGeminiAdapter(
  target: ProviderTarget,
  options: AdapterOptions,
): ProviderAdapter {
  const hasKey = !!target.apiKey;

  /** One request through the SDK; the kept 2xx response, or what the SDK threw, rethrown. */
  async function send(params: GenerateContentParameters, stream: boolean): Promise<Response> {
    const { fetchFn, held } = attemptFetch(options.fetch, hasKey);
    const client = createClient(target, fetchFn);
    try {
      // The stream's iterator is never read: the engine reads the kept response's body.
      if (stream) await client.models.generateContentStream(params);
      else await client.models.generateContent(params);
    } catch (error) {
      if (!held.sent && !signalAborted(params)) throw new GeminiRequestError(error);
      throw rethrown(error, held.headers);
    }
    if (!held.response) throw new Error('the Gemini SDK made no request');
    return held.response;
  }

  // A name read as a thinking model that does not think refuses the thinkingConfig (400
  // "Thinking is not enabled for …", "thinking is not supported by this model"): once told so,
  // the call asks again without it, and the model is remembered (geminiNoThinking.ts) so that the
  // next call does not pay for the refused request again.
  async function start(request: ChatRequest, signal: AbortSignal): Promise<AdapterAttempt> {
    const stream = request.stream !== false;
    const params = geminiParameters(target, request, signal);
    const thinking = !!params.config?.thinkingConfig && !refusedThinking(target, request.model);
    let response: Response;
    try {
      response = await send(thinking ? params : withoutThinking(params), stream);
    } catch (error) {
      const refused =
        thinking &&
        error instanceof GeminiHttpError &&
        error.status === 400 &&
        /thinking is not (enabled|supported)/i.test(options.lastErrorBody() ?? error.message);
      if (!refused) throw error;
      rememberRefusedThinking(target, request.model);
      response = await send(withoutThinking(params), stream);
    }
    return { response, reader: geminiAnswerReader(options.secrets, response.headers) };
  }

  async function listModels(signal: AbortSignal): Promise<ModelInfo[]> {
    // The list's body is read by the SDK, so this fetch passes every response through.
    const headers = { value: null as Headers | null };
    const passThrough = async (input: string | URL | Request, init?: RequestInit) => {
      const response = await options.fetch(input, { ...init, headers: sentHeaders(init, hasKey) });
      headers.value = response.headers;
      return response;
    };
    const client = createClient(target, passThrough);
    const models: ModelInfo[] = [];
    try {
      const pager = await client.models.list({ config: { abortSignal: signal, pageSize: 1000 } });
      for await (const model of pager) {
        if (models.length >= MAX_MODELS) break;
        if (!model.name) continue;
        // Only the models that answer generateContent belong in a chat's model picker.
        if (model.supportedActions && !model.supportedActions.includes('generateContent')) continue;
        const info: ModelInfo = { id: model.name.replace(/^models\//, '') };
        if (model.displayName) info.name = model.displayName;
        models.push(info);
      }
    } catch (error) {
      throw rethrown(error, headers.value);
    }
    return models;
  }

  return {
    start,
    listModels,
  };
}
