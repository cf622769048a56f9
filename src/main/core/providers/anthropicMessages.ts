import Anthropic from '@anthropic-ai/sdk';
import type {
  Message,
  MessageCreateParamsBase,
  RawMessageStreamEvent,
} from '@anthropic-ai/sdk/resources/messages';
import {
  finishFromAnthropic,
  mergeAnthropicUsage,
  usageFromAnthropic,
  type AnthropicWireUsage,
} from './normalize';
import { SDK_BACKSTOP_TIMEOUT_MS } from './responseTimeouts';
import type {
  AdapterAttempt,
  AdapterEvent,
  ChatRequest,
  ModelInfo,
  ProviderAdapter,
  ProviderTarget,
} from './types';

/** Anthropic requires max_tokens; this is what we send when neither request nor profile names one. */
export const DEFAULT_ANTHROPIC_MAX_TOKENS = 4096;
export const DEFAULT_ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

export interface AnthropicAdapterOptions {
  fetch: typeof fetch;
}

/** People paste ".../v1" from docs; the SDK adds /v1 itself. */
function normalizeBaseUrl(url: string): string {
  return (url || DEFAULT_ANTHROPIC_BASE_URL).replace(/\/+$/, '').replace(/\/v1$/, '');
}

function createClient(target: ProviderTarget, options: AnthropicAdapterOptions): Anthropic {
  const { profile } = target;
  const apiKey = target.apiKey ?? null;
  return new Anthropic({
    // A credential passed in code stops the SDK reading the environment or config files.
    apiKey: apiKey ?? 'unused',
    baseURL: normalizeBaseUrl(profile.baseUrl),
    maxRetries: 0,
    // The engine's watchdog times silent servers (responseTimeouts.ts); this is a backstop.
    timeout: SDK_BACKSTOP_TIMEOUT_MS,
    fetch: options.fetch,
    logLevel: 'off',
    defaultHeaders: {
      // The Messages API's documented key header; no Authorization header next to it
      // (unless a bearer token is what this profile uses).
      'x-api-key': apiKey,
      Authorization: target.bearerToken ? `Bearer ${target.bearerToken}` : null,
      ...target.headers,
    },
  });
}

/**
 * The SDK's 1.x types no longer name temperature and top_p; the API still documents them, so
 * they go out when the person sets them, and only then.
 */
export type AnthropicRequestBody = Omit<MessageCreateParamsBase, 'stream'> & {
  stream: boolean;
  temperature?: number;
  top_p?: number;
};

export function anthropicRequestBody(
  target: ProviderTarget,
  request: ChatRequest,
): AnthropicRequestBody {
  const defaults = target.profile.params ?? {};
  const body: AnthropicRequestBody = {
    stream: request.stream !== false,
    model: request.model,
    max_tokens: request.maxTokens ?? defaults.maxTokens ?? DEFAULT_ANTHROPIC_MAX_TOKENS,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
  };
  // The system prompt is a top-level field here, never a system-role message.
  if (request.system) body.system = request.system;
  const temperature = request.temperature ?? defaults.temperature;
  const topP = request.topP ?? defaults.topP;
  if (temperature !== undefined) body.temperature = temperature;
  if (topP !== undefined) body.top_p = topP;
  if (request.stop?.length) body.stop_sequences = request.stop;
  return body;
}

function messageEvents(message: Message, out: AdapterEvent[]): void {
  out.push({ type: 'metadata', id: message.id, model: message.model });
  for (const block of message.content) {
    if (block.type === 'thinking') out.push({ type: 'reasoning', text: block.thinking });
    if (block.type === 'text') out.push({ type: 'text', text: block.text });
  }
  if (message.usage) out.push({ type: 'usage', usage: usageFromAnthropic(message.usage) });
  const reason = message.stop_reason ?? null;
  out.push({
    type: 'end',
    finishReason: finishFromAnthropic(reason),
    providerFinishReason: reason,
  });
}

async function* once<T>(value: T): AsyncIterable<T> {
  yield value;
}

/** Normalizes one raw stream event; `state` carries usage and the stop across events. */
function streamEvent(
  event: RawMessageStreamEvent,
  state: { usage: AnthropicWireUsage; stopReason: string | null; ended: boolean },
  out: AdapterEvent[],
): void {
  switch (event.type) {
    case 'message_start':
      out.push({ type: 'metadata', id: event.message.id, model: event.message.model });
      state.usage = mergeAnthropicUsage(
        state.usage,
        event.message.usage as AnthropicWireUsage | null,
      );
      break;
    case 'content_block_start':
      // A block may open with content already in it.
      if (event.content_block.type === 'text' && event.content_block.text)
        out.push({ type: 'text', text: event.content_block.text });
      if (event.content_block.type === 'thinking' && event.content_block.thinking)
        out.push({ type: 'reasoning', text: event.content_block.thinking });
      break;
    case 'content_block_delta':
      if (event.delta.type === 'text_delta') out.push({ type: 'text', text: event.delta.text });
      else if (event.delta.type === 'thinking_delta')
        out.push({ type: 'reasoning', text: event.delta.thinking });
      break;
    case 'message_delta':
      state.stopReason = event.delta.stop_reason ?? state.stopReason;
      state.usage = mergeAnthropicUsage(state.usage, event.usage as AnthropicWireUsage | null);
      // No counts at all (a proxy that strips them) is no usage, not zero usage.
      if (Object.keys(state.usage).length > 0)
        out.push({ type: 'usage', usage: usageFromAnthropic(state.usage) });
      break;
    case 'message_stop':
      state.ended = true;
      break;
  }
}

/** Anthropic Messages: raw stream events, normalized one by one (no SDK accumulation). */
export function createAnthropicMessagesAdapter(
  target: ProviderTarget,
  options: AnthropicAdapterOptions,
): ProviderAdapter {
  const client = createClient(target, options);

  async function start(request: ChatRequest, signal: AbortSignal): Promise<AdapterAttempt> {
    const body = anthropicRequestBody(target, request);
    if (!body.stream) {
      const message = (await client.messages.create(
        { ...body, stream: false },
        { signal },
      )) as Message;
      return {
        chunks: once(message),
        normalize: (chunk, out) => messageEvents(chunk as Message, out),
        complete: () => undefined,
      };
    }
    const stream = await client.messages.create({ ...body, stream: true }, { signal });
    const state = {
      usage: {} as AnthropicWireUsage,
      stopReason: null as string | null,
      ended: false,
    };
    return {
      chunks: stream as AsyncIterable<RawMessageStreamEvent>,
      normalize: (chunk, out) => streamEvent(chunk as RawMessageStreamEvent, state, out),
      complete(out) {
        // message_stop is the terminal marker; a stop_reason alone means the answer was whole.
        if (!state.ended && state.stopReason === null) return;
        out.push({
          type: 'end',
          finishReason: finishFromAnthropic(state.stopReason),
          providerFinishReason: state.stopReason,
        });
      },
    };
  }

  async function listModels(signal: AbortSignal): Promise<ModelInfo[]> {
    const models: ModelInfo[] = [];
    for await (const model of client.models.list({}, { signal })) {
      const info: ModelInfo = { id: model.id, name: model.display_name };
      const created = Date.parse(model.created_at);
      if (Number.isFinite(created)) info.created = Math.floor(created / 1000);
      models.push(info);
    }
    return models;
  }

  return { start, listModels };
}
