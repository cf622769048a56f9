import { chatContentText } from './attachments';
import type { ServerResponse } from 'node:http';
import { inStreamError } from './faults';
import { countPromptTokens, type Scenario } from './script';
import { initialDelay, pace, SseWriter } from './sse';
import { argumentPieces, type PlannedToolCall } from './toolScript';

/** OpenAI Chat Completions as OpenAI, Azure OpenAI and compatible servers stream it. */
export interface ChatBody {
  model?: string;
  stream?: boolean;
  messages?: {
    role: string;
    content: string | null | { type?: string; text?: string }[];
    tool_calls?: unknown[];
    tool_call_id?: string;
  }[];
  stream_options?: { include_usage?: boolean };
  tools?: { type: string; function?: { name?: string } }[];
}

export interface OpenAIAnswerContext {
  dialect: 'openai' | 'azure';
  body: ChatBody;
  scenario: Scenario;
  model: string;
  headers: Record<string, string>;
  /** Answer with these tool calls instead of text (toolScript.ts). */
  toolCalls?: PlannedToolCall[] | undefined;
}

const azureFilterResults = {
  hate: { filtered: false, severity: 'safe' },
  self_harm: { filtered: false, severity: 'safe' },
  sexual: { filtered: false, severity: 'safe' },
  violence: { filtered: false, severity: 'safe' },
};

function usageFor(body: ChatBody, scenario: Scenario) {
  const messages = body.messages ?? [];
  const prompt =
    countPromptTokens(messages.map((m) => chatContentText(m.content ?? ''))) + scenario.cached;
  const completion = scenario.tokens.length + scenario.reasoning.length;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: scenario.cached, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: scenario.reasoning.length,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
}

export async function answerOpenAIChat(
  res: ServerResponse,
  ctx: OpenAIAnswerContext,
): Promise<void> {
  const { body, scenario, model, dialect } = ctx;
  const id = `chatcmpl-emu${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const created = Math.floor(Date.now() / 1000);
  const calls = ctx.toolCalls;
  const finish = calls ? 'tool_calls' : (scenario.finish ?? 'stop');
  const usage = scenario.usage ? usageFor(body, scenario) : undefined;

  // ignore_stream=1: a proxy that answers a streamed request with the whole JSON answer.
  if (!body.stream || scenario.ignoreStream) {
    // A non-streamed answer is sent whole, once written: `delay` holds back the headers too.
    if (scenario.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, scenario.delayMs));
    const words = scenario.tokens.join('');
    const message: Record<string, unknown> = {
      role: 'assistant',
      content: scenario.refusal ? null : words,
      refusal: scenario.refusal ? words : null,
    };
    if (scenario.reasoning.length) message[scenario.reasoningField] = scenario.reasoning.join('');
    if (calls) {
      message.content = null;
      message.tool_calls = calls.map((call) => ({
        id: call.id,
        type: 'function',
        function: { name: call.name, arguments: call.arguments },
      }));
    }
    const choice: Record<string, unknown> = {
      index: 0,
      message,
      logprobs: null,
      finish_reason: finish,
    };
    if (dialect === 'azure') choice.content_filter_results = azureFilterResults;
    sendJson(
      res,
      200,
      {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [choice],
        ...(usage ? { usage } : {}),
        system_fingerprint: 'fp_emu0001',
        ...(dialect === 'azure'
          ? {
              prompt_filter_results: [
                { prompt_index: 0, content_filter_results: azureFilterResults },
              ],
            }
          : { service_tier: 'default' }),
      },
      ctx.headers,
    );
    return;
  }

  const sse = new SseWriter(res, scenario);
  sse.start(ctx.headers);
  const includeUsage = !!body.stream_options?.include_usage;
  const base = {
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    system_fingerprint: 'fp_emu0001',
  };
  const chunk = (delta: object, finishReason: string | null) => {
    const choice: Record<string, unknown> = {
      index: 0,
      delta,
      logprobs: null,
      finish_reason: finishReason,
    };
    if (dialect === 'azure') choice.content_filter_results = finishReason ? {} : azureFilterResults;
    return JSON.stringify({
      ...base,
      ...(dialect === 'openai' ? { service_tier: 'default' } : {}),
      choices: [choice],
      // OpenAI sends usage: null on every chunk when usage was asked for.
      ...(includeUsage && dialect === 'openai' ? { usage: null } : {}),
    });
  };

  if (dialect === 'azure') {
    // Azure opens with an empty-choices chunk carrying the prompt's filter results.
    await sse.event(
      JSON.stringify({
        choices: [],
        created: 0,
        id: '',
        model: '',
        object: '',
        prompt_filter_results: [{ prompt_index: 0, content_filter_results: azureFilterResults }],
      }),
    );
  }
  await initialDelay(sse, scenario, () => sse.comment('OPENROUTER PROCESSING'));
  await sse.event(chunk({ role: 'assistant', content: '', refusal: null }, null));

  const pieces: { field: string; text: string }[] = [
    ...scenario.reasoning.map((text) => ({ field: scenario.reasoningField, text })),
    ...(calls ? [] : scenario.tokens).map((text) => ({
      field: scenario.refusal ? 'refusal' : 'content',
      text,
    })),
  ];
  const started = performance.now();
  for (let i = 0; i < pieces.length && !sse.closed; i++) {
    const textIndex = i - scenario.reasoning.length;
    if (scenario.drop !== null && textIndex === scenario.drop) return await sse.drop();
    if (scenario.stall !== null && textIndex === scenario.stall) return await sse.stall();
    if (scenario.end !== null && textIndex === scenario.end) return sse.end();
    if (scenario.errorAt !== null && textIndex === scenario.errorAt) {
      const form = scenario.errorForm ?? 'openai';
      const error = inStreamError(form, scenario.errorType, base);
      await sse.event(error.data, error.event);
      if (form === 'openrouter') await sse.event('[DONE]');
      return sse.end();
    }
    await sse.maybeKeepAlive(i);
    const piece = pieces[i]!;
    const delta =
      piece.field === 'content'
        ? { content: piece.text }
        : { content: null, [piece.field]: piece.text };
    await sse.event(chunk(delta, null));
    await pace(started, i, scenario.rate);
  }
  if (calls) await streamToolCalls(calls, (delta) => sse.event(chunk(delta, null)));
  if (sse.closed) return;
  // finish=none: a server that never names a finish_reason, ending with [DONE] alone.
  if (finish !== 'none') await sse.event(chunk({}, finish));
  if (scenario.resetAfterFinish) return await sse.reset();
  if (includeUsage && usage) await sse.event(JSON.stringify({ ...base, choices: [], usage }));
  await sse.event('[DONE]');
  sse.end();
}

/** Each call as Chat Completions streams it: id and name first, then its arguments in pieces. */
async function streamToolCalls(
  calls: PlannedToolCall[],
  send: (delta: object) => Promise<void>,
): Promise<void> {
  for (const [index, call] of calls.entries()) {
    await send({
      tool_calls: [
        { index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } },
      ],
    });
    for (const piece of argumentPieces(call.arguments))
      await send({ tool_calls: [{ index, function: { arguments: piece } }] });
  }
}
