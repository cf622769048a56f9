import type OpenAI from 'openai';
import { responsesInput, responsesTools } from './responsesTools';
import type {
  ResponseInputItem,
  ResponseCreateParamsBase,
} from 'openai/resources/responses/responses';
import type { AdapterOptions } from './ProviderModule';
import { openAIReasoningEffort } from './openaiReasoning';
import { responsesAnswerReader } from './responsesEvents';
import { responsesWebSearchTool } from './webSearchWire';
import { listOpenAIModels } from './chatCompletions';
import type { ProviderError } from '../../../shared/stream';
import type { AdapterAttempt, ChatRequest, ProviderAdapter, ProviderTarget } from './types';
import { said, spoken } from '../../../shared/said';

/**
 * The OpenAI Responses API (`POST /responses`), which OpenAI and Azure OpenAI's v1 path speak:
 * the request body, the adapter over the SDK's Responses client, and the reading of its answers
 * in responsesEvents.ts. Field names follow the openai SDK's `ResponseCreateParams`.
 */

export type ResponsesRequestBody = Omit<ResponseCreateParamsBase, 'stream' | 'input'> & {
  model: string;
  input: ResponseInputItem[];
  stream: boolean;
};

/** Where servers differ: Azure's v1 path names the deployment as the model. */
export interface ResponsesDialect {
  deployment?: string | undefined;
}

export function responsesBody(
  target: ProviderTarget,
  request: ChatRequest,
  dialect: ResponsesDialect = {},
): ResponsesRequestBody {
  const defaults = target.profile.params ?? {};
  const body: ResponsesRequestBody = {
    model: dialect.deployment || request.model,
    // The whole history every time: nothing is kept at the provider (`store: false`).
    input: responsesInput(request.messages),
    stream: request.stream !== false,
    store: false,
  };
  // The system prompt is `instructions`, not a message in the input.
  if (request.system) body.instructions = request.system;
  if (request.tools?.length) body.tools = responsesTools(request.tools);
  if (request.webSearch) body.tools = [...(body.tools ?? []), responsesWebSearchTool];
  const temperature = request.temperature ?? defaults.temperature;
  const topP = request.topP ?? defaults.topP;
  const maxTokens = request.maxTokens ?? defaults.maxTokens;
  if (temperature !== undefined) body.temperature = temperature;
  if (topP !== undefined) body.top_p = topP;
  if (maxTokens !== undefined) body.max_output_tokens = maxTokens;
  // Only for a model that reasons (others refuse `reasoning`); `summary: 'auto'` asks for the
  // reasoning summaries that stream as response.reasoning_summary_text.delta.
  const effort = openAIReasoningEffort(target.profile.type, request);
  if (effort) body.reasoning = { effort, summary: 'auto' };
  return body;
}

/**
 * A 405, or a 404 that is not about a model or deployment, is most likely a server without
 * `/responses` (compatible servers and gateways often lack it): the message says which
 * setting to change. A model that does not exist keeps its own message.
 */
export function explainRefusal(error: ProviderError): ProviderError {
  const route =
    error.status === 405 || (error.status === 404 && !/model|deployment/i.test(error.message));
  if (!route) return error;
  return {
    ...error,
    ...spoken('engine.responsesRefused', { detail: error.said ?? error.message }),
  };
}

/** One Responses adapter over the client its module built (OpenAI's, or Azure's v1 client). */
export function createResponsesAdapter(
  client: OpenAI,
  target: ProviderTarget,
  options: AdapterOptions,
  dialect: ResponsesDialect = {},
): ProviderAdapter {
  async function start(request: ChatRequest, signal: AbortSignal): Promise<AdapterAttempt> {
    const body = responsesBody(target, request, dialect);
    // The raw response: the engine reads its body once, for the answer and the inspector alike.
    const response = body.stream
      ? await client.responses.create({ ...body, stream: true }, { signal }).asResponse()
      : await client.responses.create({ ...body, stream: false }, { signal }).asResponse();
    return { response, reader: responsesAnswerReader(options.secrets, response.headers) };
  }

  return {
    start,
    listModels: (signal) => listOpenAIModels(client, signal),
    // ResponseCreateParams has no stop-sequence field: refused rather than silently dropped.
    explain: explainRefusal,
    unsupported: (request) => (request.stop?.length ? said('engine.responsesNoStop') : null),
  };
}
