import Anthropic from '@anthropic-ai/sdk';
import { anthropicMessages, anthropicTools } from './anthropicTools';
import { anthropicWebSearchTool } from './webSearchWire';
import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages';
import { applyPromptCaching } from './anthropicCaching';
import { anthropicAnswerReader } from './anthropicEvents';
import { applyAnthropicThinking } from './anthropicThinking';
import type { AdapterOptions } from './ProviderModule';
import { SDK_BACKSTOP_TIMEOUT_MS } from './responseTimeouts';
import type {
  AdapterAttempt,
  ChatRequest,
  ModelInfo,
  ProviderAdapter,
  ProviderTarget,
} from './types';

/** Anthropic requires max_tokens; this is what we send when neither request nor profile names one. */
export const DEFAULT_ANTHROPIC_MAX_TOKENS = 4096;
export const DEFAULT_ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

/** People paste ".../v1" from docs; the SDK adds /v1 itself. */
function normalizeBaseUrl(url: string): string {
  return (url || DEFAULT_ANTHROPIC_BASE_URL).replace(/\/+$/, '').replace(/\/v1$/, '');
}

function createClient(target: ProviderTarget, options: AdapterOptions): Anthropic {
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
    messages: anthropicMessages(request.messages),
  };
  // The system prompt is a top-level field here, never a system-role message.
  if (request.system) body.system = request.system;
  const temperature = request.temperature ?? defaults.temperature;
  const topP = request.topP ?? defaults.topP;
  if (temperature !== undefined) body.temperature = temperature;
  if (topP !== undefined) body.top_p = topP;
  if (request.stop?.length) body.stop_sequences = request.stop;
  if (request.tools?.length) body.tools = anthropicTools(request.tools);
  if (request.webSearch) body.tools = [...(body.tools ?? []), anthropicWebSearchTool];
  applyAnthropicThinking(body, request.reasoningEffort, target.profile.type);
  // On unless the profile turns it off (Settings, or the CLI's --no-cache).
  if (target.profile.promptCaching !== false) applyPromptCaching(body);
  return body;
}

/** Anthropic Messages: the request and its raw response (anthropicEvents.ts reads it). */
export function createAnthropicMessagesAdapter(
  target: ProviderTarget,
  options: AdapterOptions,
): ProviderAdapter {
  const client = createClient(target, options);

  async function start(request: ChatRequest, signal: AbortSignal): Promise<AdapterAttempt> {
    const body = anthropicRequestBody(target, request);
    // The raw response: the engine reads its body once, for the answer and the inspector alike.
    const response = body.stream
      ? await client.messages.create({ ...body, stream: true }, { signal }).asResponse()
      : await client.messages.create({ ...body, stream: false }, { signal }).asResponse();
    return { response, reader: anthropicAnswerReader(options.secrets, response.headers) };
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

  return {
    start,
    listModels,
  };
}
