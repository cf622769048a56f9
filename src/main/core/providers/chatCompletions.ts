import OpenAI from 'openai';
import type {
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import { chatCompletionsMessage, chatCompletionsTools } from './chatCompletionsTools';
import { openAIAnswerReader } from './openaiEvents';
import { openAIReasoningEffort } from './openaiReasoning';
import { wireApiFor, type WireApi } from '../../../shared/wireApi';
import type { AdapterOptions, ProbeCall, ProbeTarget } from './ProviderModule';
import { openAIRateLimitHeaders, rateLimitFrom } from './rateLimit';
import { SDK_BACKSTOP_TIMEOUT_MS } from './responseTimeouts';
import { responsesProbeBody } from './responsesProbe';
import { factsFromThrown } from './thrownErrors';
import { spoken, type Spoken } from '../../../shared/said';
import type {
  AdapterAttempt,
  ChatRequest,
  ModelInfo,
  ProviderAdapter,
  ProviderTarget,
} from './types';

/**
 * The Chat Completions dialect that OpenAI, Azure OpenAI and OpenAI-compatible servers share:
 * one request body, one reading of its answers (openaiEvents.ts), one models list. The three
 * modules compose these pieces and say, as data, where their servers differ.
 */
export interface ChatCompletionsDialect {
  /** OpenAI's reasoning models refuse max_tokens; compatible servers mostly know only it. */
  maxTokensField: 'max_tokens' | 'max_completion_tokens';
  /** Some compatible servers reject stream_options: once told so, ask again without it. */
  retriesWithoutStreamOptions: boolean;
}

/** What every SDK client of the engine is built with, whichever provider it talks to. */
export function sdkClientOptions(target: ProviderTarget, options: AdapterOptions) {
  return {
    // Retries are the engine's: only before the first token, and never for what cannot succeed.
    maxRetries: 0,
    // The engine's watchdog times silent servers (responseTimeouts.ts); this is a backstop.
    timeout: SDK_BACKSTOP_TIMEOUT_MS,
    fetch: options.fetch,
    logLevel: 'off' as const,
    organization: target.profile.organization ?? null,
    project: target.profile.project ?? null,
  };
}

/** The profile's own headers go last: a gateway's custom auth header must win. */
export function withProfileHeaders(
  target: ProviderTarget,
  base: Record<string, string | null>,
): Record<string, string | null> {
  return { ...base, ...target.headers };
}

/** The client for OpenAI and compatible servers: a key, or a bearer token in its place. */
export function openAIClient(target: ProviderTarget, options: AdapterOptions): OpenAI {
  const apiKey = target.apiKey ?? target.bearerToken ?? null;
  return new OpenAI({
    ...sdkClientOptions(target, options),
    apiKey: apiKey ?? 'unused',
    baseURL: target.profile.baseUrl,
    // A local server needs no key: send no Authorization header at all rather than a fake one.
    defaultHeaders: withProfileHeaders(target, apiKey ? {} : { Authorization: null }),
  });
}

export type OpenAIRequestBody = Omit<ChatCompletionCreateParamsStreaming, 'stream'> & {
  stream: boolean;
};

export function chatCompletionsBody(
  target: ProviderTarget,
  request: ChatRequest,
  includeUsage: boolean,
  dialect: ChatCompletionsDialect,
): OpenAIRequestBody {
  const defaults = target.profile.params ?? {};
  const messages: ChatCompletionMessageParam[] = [
    ...(request.system ? [{ role: 'system' as const, content: request.system }] : []),
    ...request.messages.map(chatCompletionsMessage),
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
  if (maxTokens !== undefined) body[dialect.maxTokensField] = maxTokens;
  if (request.stop?.length) body.stop = request.stop;
  if (request.tools?.length) body.tools = chatCompletionsTools(request.tools);
  const effort = openAIReasoningEffort(target.profile.type, request);
  if (effort) body.reasoning_effort = effort;
  if (body.stream && includeUsage) body.stream_options = { include_usage: true };
  return body;
}

/** One Chat Completions adapter over the client its module built. */
export function createChatCompletionsAdapter(
  client: OpenAI,
  target: ProviderTarget,
  options: AdapterOptions,
  dialect: ChatCompletionsDialect,
): ProviderAdapter {
  let includeUsage = true;

  async function start(request: ChatRequest, signal: AbortSignal): Promise<AdapterAttempt> {
    const body = chatCompletionsBody(target, request, includeUsage, dialect);
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
        dialect.retriesWithoutStreamOptions &&
        (facts.status === 400 || facts.status === 422) &&
        /stream_options/i.test(facts.message ?? '');
      if (!rejectsOption) throw error;
      includeUsage = false;
      response = await send(chatCompletionsBody(target, request, false, dialect));
    }
    return { response, reader: openAIAnswerReader(options.secrets, response.headers) };
  }

  return { start, listModels: (signal) => listOpenAIModels(client, signal) };
}

/** GET {base}/models through the SDK: the list both of OpenAI's wire APIs share. */
export async function listOpenAIModels(client: OpenAI, signal: AbortSignal): Promise<ModelInfo[]> {
  const models: ModelInfo[] = [];
  for await (const model of client.models.list({ signal })) {
    const info: ModelInfo = { id: model.id };
    if (model.owned_by) info.ownedBy = model.owned_by;
    if (model.created) info.created = model.created;
    models.push(info);
  }
  return models;
}

/** `x-ratelimit-*` headers, as OpenAI documents them and Azure and most compatible servers send. */
export function chatCompletionsRateLimits(headers: Headers, now?: number) {
  return rateLimitFrom(headers, now, [openAIRateLimitHeaders]);
}

/** The headers of an OpenAI-style probe: the bearer key, organization and project, the profile's. */
function probeHeaders(target: ProbeTarget): Record<string, string> {
  const { profile, apiKey, headers } = target;
  const auth: Record<string, string> = {};
  if (apiKey) auth.Authorization = `Bearer ${apiKey}`;
  if (profile.organization) auth['OpenAI-Organization'] = profile.organization;
  if (profile.project) auth['OpenAI-Project'] = profile.project;
  return { ...auth, ...headers };
}

/** The connection test of a server with a models list: GET {base}/models with the bearer key. */
export function modelsListProbe(target: ProbeTarget): ProbeCall | { problem: Spoken } {
  const base = target.profile.baseUrl.replace(/\/+$/, '');
  if (!base) return { problem: spoken('probe.noBaseUrl') };
  return { request: { method: 'GET', url: `${base}/models`, headers: probeHeaders(target) } };
}

/**
 * The smallest chat call on the wire API the profile's chats use (wireApiFor), so the test can
 * say which API answered: one token of Chat Completions, or a short Responses call, unstored.
 */
export function openAIWireApiProbe(target: ProbeTarget): (ProbeCall & { api: WireApi }) | null {
  const { profile } = target;
  const base = profile.baseUrl.replace(/\/+$/, '');
  if (!base || !profile.defaultModel) return null;
  const api = wireApiFor(profile);
  const body =
    api === 'responses'
      ? responsesProbeBody(profile.defaultModel)
      : {
          model: profile.defaultModel,
          messages: [{ role: 'user', content: 'ping' }],
          max_completion_tokens: 1,
        };
  const path = api === 'responses' ? 'responses' : 'chat/completions';
  const headers = { 'content-type': 'application/json', ...probeHeaders(target) };
  return {
    api,
    request: { method: 'POST', url: `${base}/${path}`, headers, body: JSON.stringify(body) },
  };
}

export const modelsListNotFound = spoken('probe.modelsListNotFound');
