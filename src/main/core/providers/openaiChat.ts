import OpenAI, { AzureOpenAI } from 'openai';
import type {
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import { openAIAnswerReader } from './openaiEvents';
import { factsFromThrown } from './thrownErrors';
import { SDK_BACKSTOP_TIMEOUT_MS } from './responseTimeouts';
import type {
  AdapterAttempt,
  ChatRequest,
  ModelInfo,
  ProviderAdapter,
  ProviderTarget,
} from './types';

export const DEFAULT_AZURE_API_VERSION = '2024-10-21';

export interface OpenAIAdapterOptions {
  fetch: typeof fetch;
  secrets: string[];
  /** The last error response's body, as the capturing fetch saw it. */
  lastErrorBody: () => string | null;
}

function createClient(target: ProviderTarget, options: OpenAIAdapterOptions): OpenAI {
  const { profile } = target;
  const bearer = target.bearerToken ?? null;
  const apiKey = target.apiKey ?? (profile.type === 'azure' ? null : bearer);
  // The profile's own headers go last: a gateway's custom auth header must win.
  const withExtra = (base: Record<string, string | null>) => ({ ...base, ...target.headers });
  const common = {
    // Retries are the engine's: only before the first token, and never for what cannot succeed.
    maxRetries: 0,
    // The engine's watchdog times silent servers (responseTimeouts.ts); this is a backstop.
    timeout: SDK_BACKSTOP_TIMEOUT_MS,
    fetch: options.fetch,
    logLevel: 'off' as const,
    organization: profile.organization ?? null,
    project: profile.project ?? null,
  };
  if (profile.type === 'azure') {
    // Entra ID: the SDK sends the token as `Authorization: Bearer`; a key goes in `api-key`.
    const auth =
      bearer && !apiKey
        ? { azureADTokenProvider: () => Promise.resolve(bearer) }
        : { apiKey: apiKey ?? 'unused' };
    return new AzureOpenAI({
      ...common,
      ...auth,
      endpoint: profile.azure?.endpoint || profile.baseUrl,
      // Explicit, so OPENAI_BASE_URL in the environment cannot redirect an Azure profile.
      baseURL: null,
      apiVersion: profile.azure?.apiVersion || DEFAULT_AZURE_API_VERSION,
      ...(profile.azure?.deployment ? { deployment: profile.azure.deployment } : {}),
      defaultHeaders: withExtra(!apiKey && !bearer ? { 'api-key': null } : {}),
    });
  }
  return new OpenAI({
    ...common,
    apiKey: apiKey ?? 'unused',
    baseURL: profile.baseUrl,
    // A local server needs no key: send no Authorization header at all rather than a fake one.
    defaultHeaders: withExtra(apiKey ? {} : { Authorization: null }),
  });
}

export type OpenAIRequestBody = Omit<ChatCompletionCreateParamsStreaming, 'stream'> & {
  stream: boolean;
};

export function openAIRequestBody(
  target: ProviderTarget,
  request: ChatRequest,
  includeUsage: boolean,
): OpenAIRequestBody {
  const { profile } = target;
  const defaults = profile.params ?? {};
  const messages: ChatCompletionMessageParam[] = [
    ...(request.system ? [{ role: 'system' as const, content: request.system }] : []),
    ...request.messages.map((m) => ({ role: m.role, content: m.content })),
  ];
  const body: OpenAIRequestBody = {
    model: request.model,
    messages,
    stream: request.stream !== false,
  };
  const temperature = request.temperature ?? defaults.temperature;
  const topP = request.topP ?? defaults.topP;
  const maxTokens = request.maxTokens ?? defaults.maxTokens;
  if (temperature !== undefined) body.temperature = temperature;
  if (topP !== undefined) body.top_p = topP;
  if (maxTokens !== undefined) {
    // OpenAI's reasoning models refuse max_tokens; compatible servers mostly know only it.
    if (profile.type === 'openai-compatible') body.max_tokens = maxTokens;
    else body.max_completion_tokens = maxTokens;
  }
  if (request.stop?.length) body.stop = request.stop;
  if (body.stream && includeUsage) body.stream_options = { include_usage: true };
  return body;
}

/**
 * OpenAI Chat Completions, Azure OpenAI and OpenAI-compatible servers: one dialect, one reading
 * of its answers (openaiEvents.ts).
 */
export function createOpenAIChatAdapter(
  target: ProviderTarget,
  options: OpenAIAdapterOptions,
): ProviderAdapter {
  const client = createClient(target, options);
  // Some compatible servers reject stream_options; once told so, this adapter stops sending it.
  let includeUsage = true;

  async function start(request: ChatRequest, signal: AbortSignal): Promise<AdapterAttempt> {
    const body = openAIRequestBody(target, request, includeUsage);
    // The raw response: the engine reads its body once, for the answer and the inspector alike.
    const send = (sent: OpenAIRequestBody) =>
      sent.stream
        ? client.chat.completions.create({ ...sent, stream: true }, { signal }).asResponse()
        : client.chat.completions.create({ ...sent, stream: false }, { signal }).asResponse();
    let response: Response;
    try {
      response = await send(body);
    } catch (error) {
      const { facts } = factsFromThrown(error, options.lastErrorBody());
      const rejectsOption =
        body.stream &&
        includeUsage &&
        target.profile.type === 'openai-compatible' &&
        (facts.status === 400 || facts.status === 422) &&
        /stream_options/i.test(facts.message ?? '');
      if (!rejectsOption) throw error;
      includeUsage = false;
      response = await send(openAIRequestBody(target, request, false));
    }
    return { response, reader: openAIAnswerReader(options.secrets, response.headers) };
  }

  async function listModels(signal: AbortSignal): Promise<ModelInfo[]> {
    const models: ModelInfo[] = [];
    for await (const model of client.models.list({ signal })) {
      const info: ModelInfo = { id: model.id };
      if (model.owned_by) info.ownedBy = model.owned_by;
      if (model.created) info.created = model.created;
      models.push(info);
    }
    return models;
  }

  return { start, listModels };
}
