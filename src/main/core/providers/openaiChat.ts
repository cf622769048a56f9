import OpenAI, { AzureOpenAI } from 'openai';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { ProviderError } from '../../../shared/stream';
import { providerErrorFrom } from './errors';
import { finishFromOpenAI, usageFromOpenAI, type OpenAIWireUsage } from './normalize';
import { factsFromThrown } from './thrownErrors';
import { SDK_BACKSTOP_TIMEOUT_MS } from './responseTimeouts';
import type {
  AdapterAttempt,
  AdapterEvent,
  ChatRequest,
  ModelInfo,
  ProviderAdapter,
  ProviderTarget,
} from './types';

export const DEFAULT_AZURE_API_VERSION = '2024-10-21';

/** Fields compatible servers add to the chunk that the SDK's types do not name. */
interface CompatDelta {
  content?: string | null;
  /** DeepSeek, vLLM, LM Studio, Qwen. */
  reasoning_content?: string | null;
  /** OpenRouter, Ollama, Groq (reasoning_format=parsed), newer vLLM. */
  reasoning?: string | null;
}
interface CompatChunk {
  id?: string;
  model?: string;
  created?: number;
  choices?: { delta?: CompatDelta | null; finish_reason?: string | null }[] | null;
  usage?: OpenAIWireUsage | null;
  /** Groq: usage (older API) and an error string when it stops a stream. */
  x_groq?: { usage?: OpenAIWireUsage | null; error?: string | { message?: string } | null } | null;
}
interface CompatMessage {
  content?: string | null;
  reasoning_content?: string | null;
  reasoning?: string | null;
}

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

function groqError(chunk: CompatChunk, secrets: string[]): ProviderError | null {
  const error = chunk.x_groq?.error;
  if (!error) return null;
  const message = typeof error === 'string' ? error : (error.message ?? 'The server stopped.');
  return providerErrorFrom({ status: null, type: 'server_error', message }, secrets);
}

/**
 * Normalizes one streamed chunk into `out` (reused across chunks): a plain loop rather than a
 * generator per chunk, because this runs for every token.
 */
function chunkEvents(chunk: CompatChunk, state: { metadata: boolean }, out: AdapterEvent[]): void {
  if (!state.metadata && (chunk.id || chunk.model)) {
    state.metadata = true;
    const metadata: AdapterEvent = { type: 'metadata' };
    if (chunk.id) metadata.id = chunk.id;
    if (chunk.model) metadata.model = chunk.model;
    if (chunk.created) metadata.created = chunk.created;
    out.push(metadata);
  }
  const delta = chunk.choices?.[0]?.delta;
  if (delta) {
    const reasoning = delta.reasoning_content ?? delta.reasoning;
    if (reasoning) out.push({ type: 'reasoning', text: reasoning });
    if (delta.content) out.push({ type: 'text', text: delta.content });
  }
  const usage = chunk.usage ?? chunk.x_groq?.usage;
  if (usage) out.push({ type: 'usage', usage: usageFromOpenAI(usage) });
}

function completionEvents(completion: ChatCompletion, out: AdapterEvent[]): void {
  out.push({
    type: 'metadata',
    id: completion.id,
    model: completion.model,
    ...(completion.created ? { created: completion.created } : {}),
  });
  const choice = completion.choices?.[0];
  const message = (choice?.message ?? {}) as CompatMessage;
  const reasoning = message.reasoning_content ?? message.reasoning;
  if (reasoning) out.push({ type: 'reasoning', text: reasoning });
  if (message.content) out.push({ type: 'text', text: message.content });
  if (completion.usage) out.push({ type: 'usage', usage: usageFromOpenAI(completion.usage) });
  const reason = choice?.finish_reason ?? null;
  out.push({ type: 'end', finishReason: finishFromOpenAI(reason), providerFinishReason: reason });
}

async function* once<T>(value: T): AsyncIterable<T> {
  yield value;
}

/** OpenAI Chat Completions, Azure OpenAI and OpenAI-compatible servers: one dialect. */
export function createOpenAIChatAdapter(
  target: ProviderTarget,
  options: OpenAIAdapterOptions,
): ProviderAdapter {
  const client = createClient(target, options);
  // Some compatible servers reject stream_options; once told so, this adapter stops sending it.
  let includeUsage = true;

  async function start(request: ChatRequest, signal: AbortSignal): Promise<AdapterAttempt> {
    const body = openAIRequestBody(target, request, includeUsage);
    if (!body.stream) {
      const completion = (await client.chat.completions.create(
        { ...body, stream: false },
        { signal },
      )) as ChatCompletion;
      return {
        chunks: once(completion),
        normalize: (chunk, out) => completionEvents(chunk as ChatCompletion, out),
        complete: () => undefined,
      };
    }
    let stream: AsyncIterable<ChatCompletionChunk>;
    try {
      stream = await client.chat.completions.create({ ...body, stream: true }, { signal });
    } catch (error) {
      const { facts } = factsFromThrown(error, options.lastErrorBody());
      const rejectsOption =
        includeUsage &&
        target.profile.type === 'openai-compatible' &&
        (facts.status === 400 || facts.status === 422) &&
        /stream_options/i.test(facts.message ?? '');
      if (!rejectsOption) throw error;
      includeUsage = false;
      stream = await client.chat.completions.create(
        { ...openAIRequestBody(target, request, false), stream: true },
        { signal },
      );
    }
    const state = { metadata: false };
    let providerFinishReason: string | null = null;
    return {
      chunks: stream,
      normalize(raw, out) {
        const chunk = raw as CompatChunk;
        chunkEvents(chunk, state, out);
        const inStream = groqError(chunk, options.secrets);
        if (inStream) out.push({ type: 'error', error: inStream });
        const reason = chunk.choices?.[0]?.finish_reason;
        if (reason) providerFinishReason = reason;
      },
      complete(out, sawDoneMarker) {
        // A finish_reason or [DONE] is this dialect's end: without either it was cut off.
        if (providerFinishReason === null) {
          if (sawDoneMarker)
            out.push({ type: 'end', finishReason: 'stop', providerFinishReason: null });
          return;
        }
        out.push({
          type: 'end',
          finishReason: finishFromOpenAI(providerFinishReason),
          providerFinishReason,
        });
      },
    };
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
