import type { IncomingMessage, ServerResponse } from 'node:http';
import { tokenize } from './answers';
import {
  functionCallItem,
  responsesToolPlan,
  streamFunctionCalls,
  type ResponsesInputItem,
} from './responsesTools';
import type { PlannedToolCall } from './toolScript';
import type { Dialect } from './faults';
import { sendJson } from './openaiDialect';
import { countPromptTokens, withinMaxTokens, type Scenario } from './script';
import { holdSilently } from './silence';
import { initialDelay, pace, SseWriter } from './sse';
import {
  offersResponsesSearch,
  streamResponsesSearch,
  streamUrlCitations,
  urlCitations,
  webSearchCallItem,
} from './webSearch';

/**
 * The OpenAI Responses API (`POST /v1/responses`; Azure's v1 path `/openai/v1/responses`),
 * streamed as its semantic events and not streamed as one Response object. Event and field names
 * follow the openai SDK's ResponseStreamEvent and Response types. The script vocabulary is the
 * Chat Completions one (script.ts); here `finish=length|content_filter` ends with
 * `response.incomplete`, `error_at=N` sends an `error` event and `error_form=failed` a
 * `response.failed` instead, and `reset=after_finish` resets after the last text event.
 */
export interface ResponsesBody {
  model?: string;
  stream?: boolean;
  instructions?: string;
  input?: string | ResponsesInputItem[];
  tools?: { name?: string; type?: string }[];
  reasoning?: { effort?: string; summary?: string };
}

/** What the server's route gives this dialect: its own auth, fault and header rules. */
export interface ResponsesRoute {
  authorized(dialect: Dialect, req: IncomingMessage): boolean;
  scenarioOrFault(
    dialect: Dialect,
    req: IncomingMessage,
    res: ServerResponse,
    prompt: string,
    model: string,
    sentStreamOptions: boolean,
  ): Scenario | null;
  fault(res: ServerResponse, dialect: Dialect, name: string, model: string): void;
  headers(dialect: Dialect, scenario: Scenario): Record<string, string>;
}

function textOf(content: string | { text?: string }[] | undefined): string {
  if (typeof content === 'string') return content;
  return (content ?? []).map((part) => part.text ?? '').join('');
}

function inputMessages(body: ResponsesBody): { role: string; text: string }[] {
  if (typeof body.input === 'string') return [{ role: 'user', text: body.input }];
  return (body.input ?? [])
    .filter((m) => (m.type ?? 'message') === 'message')
    .map((m) => ({ role: m.role ?? 'user', text: textOf(m.content) }));
}

/** POST …/responses: auth, faults and the answer, as the other dialects route theirs. */
export async function routeResponses(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  rawBody: unknown,
  route: ResponsesRoute,
): Promise<void> {
  const dialect: Dialect = path.startsWith('/openai/') ? 'azure' : 'openai';
  const body = (rawBody ?? {}) as ResponsesBody;
  const model = body.model ?? 'emu-1';
  if (!route.authorized(dialect, req)) return route.fault(res, dialect, '401', model);
  const prompt = [...inputMessages(body)].reverse().find((m) => m.role === 'user')?.text ?? '';
  const scenario = route.scenarioOrFault(dialect, req, res, prompt, model, false);
  if (!scenario) return;
  if (scenario.hang) return holdSilently(res);
  const capped = withinMaxTokens(scenario, body);
  const input = typeof body.input === 'string' ? [] : (body.input ?? []);
  const plan = responsesToolPlan(prompt, input, body.tools);
  const answer = plan?.kind === 'answer' ? { ...capped, tokens: tokenize(plan.text) } : capped;
  const calls = plan?.kind === 'calls' ? plan.calls : null;
  // The provider's own search: only for a question, not a tool step's answer.
  const search = offersResponsesSearch(body.tools) && !calls ? prompt : null;
  const headers = route.headers(dialect, scenario);
  await answerResponses(res, body, answer, model, headers, { calls, search });
}

function usageFor(body: ResponsesBody, scenario: Scenario) {
  const texts = [body.instructions ?? '', ...inputMessages(body).map((m) => m.text)];
  const input = countPromptTokens(texts.filter(Boolean)) + scenario.cached;
  const output = scenario.tokens.length + scenario.reasoning.length;
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: scenario.cached },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: scenario.reasoning.length },
    total_tokens: input + output,
  };
}

/** The Response object around an answer's output, in the state the stream has reached. */
function responseObject(
  base: { id: string; created_at: number; model: string },
  body: ResponsesBody,
  status: string,
  extra: Record<string, unknown> = {},
) {
  return {
    ...base,
    object: 'response',
    status,
    error: null,
    incomplete_details: null,
    instructions: body.instructions ?? null,
    max_output_tokens: null,
    output: [],
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: body.reasoning?.effort ?? null, summary: body.reasoning?.summary ?? null },
    store: false,
    temperature: 1,
    tool_choice: 'auto',
    tools: [],
    top_p: 1,
    truncation: 'disabled',
    usage: null,
    ...extra,
  };
}

interface Finish {
  status: 'completed' | 'incomplete';
  incomplete_details: { reason: string } | null;
}

function finishOf(scenario: Scenario): Finish {
  const finish = scenario.finish;
  if (finish === 'length')
    return { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } };
  if (finish === 'content_filter')
    return { status: 'incomplete', incomplete_details: { reason: 'content_filter' } };
  return { status: 'completed', incomplete_details: null };
}

interface Ids {
  reasoning: string;
  message: string;
  search: string;
}

/** What the answer does besides text: function calls, or a web search (the question's prompt). */
interface Plan {
  calls: PlannedToolCall[] | null;
  search: string | null;
}

function outputItems(scenario: Scenario, ids: Ids, plan: Plan) {
  const text = scenario.tokens.join('');
  const items: unknown[] = [];
  if (plan.calls) return plan.calls.map((call) => functionCallItem(call));
  if (plan.search !== null) items.push(webSearchCallItem(ids.search, plan.search));
  if (scenario.reasoning.length)
    items.push({
      type: 'reasoning',
      id: ids.reasoning,
      summary: [{ type: 'summary_text', text: scenario.reasoning.join('') }],
    });
  items.push({
    type: 'message',
    id: ids.message,
    status: 'completed',
    role: 'assistant',
    content: [
      scenario.refusal
        ? { type: 'refusal', refusal: text }
        : {
            type: 'output_text',
            text,
            annotations: plan.search !== null ? urlCitations(plan.search) : [],
            logprobs: [],
          },
    ],
  });
  return items;
}

async function answerResponses(
  res: ServerResponse,
  body: ResponsesBody,
  scenario: Scenario,
  model: string,
  headers: Record<string, string>,
  plan: Plan,
): Promise<void> {
  const { calls } = plan;
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const base = { id: `resp_emu${suffix}`, created_at: Math.floor(Date.now() / 1000), model };
  const ids = {
    reasoning: `rs_emu${suffix}`,
    message: `msg_emu${suffix}`,
    search: `ws_emu${suffix}`,
  };
  const finish = finishOf(scenario);
  const usage = scenario.usage ? usageFor(body, scenario) : null;
  const final = () =>
    responseObject(base, body, finish.status, {
      incomplete_details: finish.incomplete_details,
      output: outputItems(scenario, ids, plan),
      usage,
    });

  if (!body.stream || scenario.ignoreStream) {
    if (scenario.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, scenario.delayMs));
    return sendJson(res, 200, final(), headers);
  }

  const sse = new SseWriter(res, scenario);
  sse.start(headers);
  let sequence = 0;
  const send = (type: string, fields: Record<string, unknown>) =>
    sse.event(JSON.stringify({ type, sequence_number: sequence++, ...fields }), type);
  await send('response.created', { response: responseObject(base, body, 'in_progress') });
  await send('response.in_progress', { response: responseObject(base, body, 'in_progress') });
  await initialDelay(sse, scenario, () => sse.comment('keep-alive'));
  const failed = (error: object) => responseObject(base, body, 'failed', { error });
  if (plan.search !== null) await streamResponsesSearch(ids.search, plan.search, send);
  const done = calls
    ? (await streamFunctionCalls(calls, 0, send), true)
    : await streamPieces(sse, scenario, { ids, search: plan.search, send }, failed);
  if (!done || sse.closed) return;
  if (scenario.resetAfterFinish) return await sse.reset();
  const terminal = finish.status === 'completed' ? 'response.completed' : 'response.incomplete';
  await send(terminal, { response: final() });
  sse.end();
}

type Send = (type: string, fields: Record<string, unknown>) => Promise<void>;

/**
 * The output items' events: reasoning summary deltas, then text (or refusal) deltas, with the
 * scenario's faults at its token index. False when a fault ended the stream.
 */
async function streamPieces(
  sse: SseWriter,
  scenario: Scenario,
  { ids, search, send }: { ids: Ids; search: string | null; send: Send },
  failed: (error: object) => unknown,
): Promise<boolean> {
  const reasoningCount = scenario.reasoning.length;
  if (reasoningCount) {
    const item = { type: 'reasoning', id: ids.reasoning, summary: [] };
    await send('response.output_item.added', { output_index: 0, item });
    const part = { item_id: ids.reasoning, output_index: 0, summary_index: 0 };
    await send('response.reasoning_summary_part.added', {
      ...part,
      part: { type: 'summary_text', text: '' },
    });
  }
  // A search call, when there was one, is output item 0.
  const outputIndex = (reasoningCount ? 1 : 0) + (search !== null ? 1 : 0);
  const textType = scenario.refusal ? 'response.refusal.delta' : 'response.output_text.delta';
  const pieces = [...scenario.reasoning, ...scenario.tokens];
  const started = performance.now();
  for (let i = 0; i < pieces.length && !sse.closed; i++) {
    const textIndex = i - reasoningCount;
    if (scenario.drop !== null && textIndex === scenario.drop) return (await sse.drop(), false);
    if (scenario.stall !== null && textIndex === scenario.stall) return (await sse.stall(), false);
    if (scenario.end !== null && textIndex === scenario.end) return (sse.end(), false);
    if (scenario.errorAt !== null && textIndex === scenario.errorAt) {
      await inStreamError(scenario, send, failed);
      return (sse.end(), false);
    }
    if (textIndex === 0) {
      const item = {
        type: 'message',
        id: ids.message,
        status: 'in_progress',
        role: 'assistant',
        content: [],
      };
      await send('response.output_item.added', { output_index: outputIndex, item });
    }
    await sse.maybeKeepAlive(i);
    if (textIndex < 0) {
      await send('response.reasoning_summary_text.delta', {
        item_id: ids.reasoning,
        output_index: 0,
        summary_index: 0,
        delta: pieces[i],
      });
    } else {
      await send(textType, {
        item_id: ids.message,
        output_index: outputIndex,
        content_index: 0,
        delta: pieces[i],
        ...(scenario.refusal ? {} : { logprobs: [] }),
      });
      // The sources come once the text citing them has begun.
      if (textIndex === 0 && search !== null && !scenario.refusal)
        await streamUrlCitations(search, { item_id: ids.message, output_index: outputIndex }, send);
    }
    await pace(started, i, scenario.rate);
  }
  return true;
}

const streamErrors: Record<string, { code: string; message: string }> = {
  server: {
    code: 'server_error',
    message: 'The server had an error while processing your request. Sorry about that!',
  },
  overloaded: { code: 'server_error', message: 'Overloaded' },
  rate_limit: { code: 'rate_limit_exceeded', message: 'Rate limit exceeded while generating.' },
};

/** `error` (ResponseErrorEvent), or with error_form=failed a `response.failed` (ResponseFailedEvent). */
async function inStreamError(
  scenario: Scenario,
  send: Send,
  failed: (error: object) => unknown,
): Promise<void> {
  const error = streamErrors[scenario.errorType] ?? streamErrors.server!;
  if (scenario.errorForm === 'failed') {
    await send('response.failed', { response: failed(error) });
    return;
  }
  await send('error', { code: error.code, message: error.message, param: null });
}
