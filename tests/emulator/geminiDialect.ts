import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlannedToolCall } from './toolScript';
import { sendJson } from './openaiDialect';
import { countPromptTokens, type Scenario } from './script';
import { initialDelay, pace, SseWriter } from './sse';
import { groundingMetadata } from './webSearch';

/**
 * The Gemini API (generativelanguage.googleapis.com, v1beta) as @google/genai calls it:
 * - POST /v1beta/models/{model}:streamGenerateContent?alt=sse (bare `data:` chunks, no end
 *   marker: the chunk with a finishReason is the last), POST /v1beta/models/{model}:generateContent;
 * - GET /v1beta/models (`{models:[{name:"models/…", displayName, supportedGenerationMethods}]}`);
 * - the key in `x-goog-api-key`; errors as google.rpc.Status `{"error":{"code","message","status"}}`,
 *   after HTTP 200 as such a chunk; thoughts as parts with `thought: true`, sent only when the
 *   request asks for them (thinkingConfig.includeThoughts); usageMetadata on every chunk.
 * A model named `…nothink…` refuses any thinkingConfig with a 400, as non-thinking models do.
 * Scenario directives as in script.ts, plus `block=REASON` (the prompt refused: a first chunk
 * with promptFeedback.blockReason and no candidates); `finish=` takes Gemini's own values too.
 */
export interface GeminiBody {
  contents?: { role?: string; parts?: GeminiPart[] }[];
  tools?: { functionDeclarations?: { name?: string }[]; googleSearch?: object }[];
  systemInstruction?: { parts?: { text?: string }[] };
  generationConfig?: { thinkingConfig?: { includeThoughts?: boolean } };
}

export type GeminiCall = { list: true } | { list: false; model: string; stream: boolean };

/** Which Gemini route a request is, or null when it is none of them. */
export function geminiCall(method: string | undefined, path: string): GeminiCall | null {
  if (method === 'GET' && path === '/v1beta/models') return { list: true };
  const match = /^\/v1beta\/models\/([^/:]+):(streamGenerateContent|generateContent)$/.exec(path);
  if (method !== 'POST' || !match) return null;
  return {
    list: false,
    model: decodeURIComponent(match[1]!),
    stream: match[2] !== 'generateContent',
  };
}

export function geminiKey(req: IncomingMessage): string | null {
  const key = req.headers['x-goog-api-key'];
  return typeof key === 'string' ? key : null;
}

export interface GeminiPart {
  text?: string;
  functionCall?: { id?: string; name?: string; args?: unknown };
  functionResponse?: {
    id?: string;
    name?: string;
    response?: { output?: unknown; error?: unknown };
  };
}

const textOf = (content: { parts?: GeminiPart[] } | undefined) =>
  (content?.parts ?? []).map((part) => part.text ?? '').join('');

/** The last user turn's text: where the scenario's directives are. */
export function geminiPrompt(body: GeminiBody | null): string {
  const turns = body?.contents ?? [];
  // Tool results come in user turns too: the question is the last user turn with text.
  return textOf(
    [...turns]
      .reverse()
      .find((turn) => turn.role !== 'model' && (turn.parts ?? []).some((p) => p.text)),
  );
}

const status = (
  code: number,
  name: string,
  message: string,
  details?: unknown[],
): [number, unknown] => [
  code,
  { error: { code, message, status: name, ...(details ? { details } : {}) } },
];

/** Error bodies as the Gemini API sends them, for the emulator's fault names. */
export function geminiFault(fault: string, model: string): [number, unknown] | null {
  switch (fault) {
    case 'bad_key':
      // A wrong key is a 400 on the Gemini API, with reason API_KEY_INVALID.
      return status(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'API_KEY_INVALID',
          domain: 'googleapis.com',
          metadata: { service: 'generativelanguage.googleapis.com' },
        },
      ]);
    case '401':
      return status(
        401,
        'UNAUTHENTICATED',
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
      );
    case '403':
      return status(403, 'PERMISSION_DENIED', 'The caller does not have permission');
    case '404':
      return status(
        404,
        'NOT_FOUND',
        `models/${model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`,
      );
    case '429':
      return status(429, 'RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).');
    case 'quota':
      return status(
        429,
        'RESOURCE_EXHAUSTED',
        'You exceeded your current quota, please check your plan and billing details.',
      );
    case 'quota_rate':
    case 'retry_info': {
      // The free tier's per-minute limit: quota words, and a RetryInfo saying when to come back.
      const seconds = fault === 'retry_info' ? '0.2' : '53.016342224';
      return status(
        429,
        'RESOURCE_EXHAUSTED',
        `You exceeded your current quota, please check your plan and billing details. Please retry in ${seconds}s.`,
        [
          {
            '@type': 'type.googleapis.com/google.rpc.RetryInfo',
            retryDelay: `${fault === 'retry_info' ? '0.2' : '53'}s`,
          },
        ],
      );
    }
    case 'context':
      return status(
        400,
        'INVALID_ARGUMENT',
        'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).',
      );
    case '400':
      return status(
        400,
        'INVALID_ARGUMENT',
        'Invalid value at \'generation_config.temperature\' (TYPE_FLOAT), "warm"',
      );
    case '500':
      return status(500, 'INTERNAL', 'An internal error has occurred. Please retry.');
    case '503':
      return status(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.');
  }
  return null;
}

/** The in-stream error chunk after HTTP 200, by what it says it is (`error_type=`). */
function streamError(type: string): string {
  const [, body] =
    type === 'overloaded'
      ? status(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.')
      : type === 'rate_limit'
        ? status(429, 'RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).')
        : status(500, 'INTERNAL', 'An internal error has occurred. Please retry.');
  return JSON.stringify(body);
}

const finishReasons: Record<string, string> = {
  stop: 'STOP',
  length: 'MAX_TOKENS',
  content_filter: 'SAFETY',
};

export function geminiModels(res: ServerResponse): void {
  const models = ['gemini-3-emu-1', 'gemini-3-emu-2', 'embedding-emu-1'].map((id, i) => ({
    name: `models/${id}`,
    version: '001',
    displayName: `Gemini Emu ${i + 1}`,
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 65_536,
    supportedGenerationMethods: id.startsWith('embedding')
      ? ['embedContent']
      : ['generateContent', 'countTokens'],
  }));
  sendJson(res, 200, { models });
}

export interface GeminiAnswerContext {
  body: GeminiBody;
  scenario: Scenario;
  model: string;
  stream: boolean;
  headers: Record<string, string>;
  /** Answer with these function calls instead of text (toolScript.ts). */
  toolCalls?: PlannedToolCall[] | undefined;
  /** The question, when the request offers googleSearch: the last candidate is grounded. */
  search?: string | null | undefined;
}

function callParts(calls: PlannedToolCall[]): object[] {
  return calls.map((call) => {
    let args: unknown = {};
    try {
      args = JSON.parse(call.arguments);
    } catch {
      // FunctionCall.args is a JSON object on the wire: text that is not JSON cannot be sent.
    }
    return { functionCall: { id: call.id, name: call.name, args } };
  });
}

function usageFor(ctx: GeminiAnswerContext, final: boolean) {
  const { body, scenario } = ctx;
  const texts = (body.contents ?? []).map(textOf);
  const system = textOf(body.systemInstruction);
  const prompt = countPromptTokens(system ? [system, ...texts] : texts) + scenario.cached;
  const thoughts = thoughtsAsked(body) ? scenario.reasoning.length : 0;
  const candidates = final ? scenario.tokens.length : 0;
  return {
    promptTokenCount: prompt,
    ...(final ? { candidatesTokenCount: candidates } : {}),
    totalTokenCount: prompt + candidates + (final ? thoughts : 0),
    ...(scenario.cached ? { cachedContentTokenCount: scenario.cached } : {}),
    ...(final && thoughts ? { thoughtsTokenCount: thoughts } : {}),
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: prompt }],
  };
}

const thoughtsAsked = (body: GeminiBody) =>
  body.generationConfig?.thinkingConfig?.includeThoughts === true;

/** One GenerateContentResponse: parts, and on the last one the finish reason. */
function response(
  ctx: GeminiAnswerContext,
  meta: { id: string },
  parts: object[],
  finish: string | null,
) {
  const candidate: Record<string, unknown> = {
    content: { parts, role: 'model' },
    index: 0,
  };
  if (finish) candidate.finishReason = finish;
  if (finish && ctx.search != null) candidate.groundingMetadata = groundingMetadata(ctx.search);
  return {
    candidates: [candidate],
    ...(ctx.scenario.usage ? { usageMetadata: usageFor(ctx, finish !== null) } : {}),
    modelVersion: ctx.model,
    responseId: meta.id,
  };
}

function blocked(ctx: GeminiAnswerContext, reason: string, meta: { id: string }) {
  return {
    promptFeedback: {
      blockReason: reason,
      safetyRatings: [
        { category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true },
      ],
    },
    ...(ctx.scenario.usage ? { usageMetadata: usageFor(ctx, false) } : {}),
    modelVersion: ctx.model,
    responseId: meta.id,
  };
}

export async function answerGemini(res: ServerResponse, ctx: GeminiAnswerContext): Promise<void> {
  const { scenario } = ctx;
  // A model that does not think (its name says `nothink` here) refuses any thinkingConfig.
  if (ctx.model.includes('nothink') && ctx.body.generationConfig?.thinkingConfig) {
    const [code, body] = status(
      400,
      'INVALID_ARGUMENT',
      `Thinking is not enabled for models/${ctx.model}`,
    );
    return sendJson(res, code, body, ctx.headers);
  }
  const meta = { id: `emu${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}` };
  const finish = finishReasons[scenario.finish ?? 'stop'] ?? scenario.finish ?? 'STOP';
  const block = scenario.block;
  const thoughts = thoughtsAsked(ctx.body) ? scenario.reasoning : [];

  if (!ctx.stream || scenario.ignoreStream) {
    if (scenario.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, scenario.delayMs));
    const parts = [
      ...(thoughts.length ? [{ text: thoughts.join(''), thought: true }] : []),
      ...(ctx.toolCalls ? callParts(ctx.toolCalls) : [{ text: scenario.tokens.join('') }]),
    ];
    const whole = block ? blocked(ctx, block, meta) : response(ctx, meta, parts, finish);
    return sendJson(res, 200, whole, ctx.headers);
  }

  const sse = new SseWriter(res, scenario);
  sse.start(ctx.headers);
  await initialDelay(sse, scenario, () => sse.comment('keep-alive'));
  if (block) {
    await sse.event(JSON.stringify(blocked(ctx, block, meta)));
    return sse.end();
  }
  const started = performance.now();
  for (let i = 0; i < thoughts.length && !sse.closed; i++) {
    await sse.event(
      JSON.stringify(response(ctx, meta, [{ text: thoughts[i], thought: true }], null)),
    );
    await pace(started, i, scenario.rate);
  }
  if (ctx.toolCalls) {
    // Gemini sends each call whole, in a chunk that carries the finish reason.
    await sse.event(JSON.stringify(response(ctx, meta, callParts(ctx.toolCalls), finish)));
    return sse.end();
  }
  const last = scenario.tokens.length - 1;
  for (let i = 0; i <= last && !sse.closed; i++) {
    if (scenario.drop !== null && i === scenario.drop) return await sse.drop();
    if (scenario.stall !== null && i === scenario.stall) return await sse.stall();
    if (scenario.end !== null && i === scenario.end) return sse.end();
    if (scenario.errorAt !== null && i === scenario.errorAt) {
      await sse.event(streamError(scenario.errorType));
      return sse.end();
    }
    await sse.maybeKeepAlive(i);
    // The last text chunk carries the finish reason and the final counts, as Gemini's does.
    const text = [{ text: scenario.tokens[i] }];
    await sse.event(JSON.stringify(response(ctx, meta, text, i === last ? finish : null)));
    await pace(started, thoughts.length + i, scenario.rate);
  }
  if (scenario.resetAfterFinish) return await sse.reset();
  sse.end();
}
