import type { ServerResponse } from 'node:http';
import { inStreamError } from './faults';
import { sendJson } from './openaiDialect';
import { countPromptTokens, type Scenario } from './script';
import { initialDelay, pace, SseWriter } from './sse';
import { argumentPieces, type PlannedToolCall } from './toolScript';
import {
  anthropicCitations,
  anthropicSearchBlocks,
  offersAnthropicSearch,
  streamAnthropicSearch,
} from './webSearch';

/**
 * Anthropic Messages (/v1/messages): message_start, ping, content blocks (thinking, text) with
 * their deltas, message_delta with stop_reason and usage, message_stop; `event: error` in-stream.
 */
export interface MessagesBody {
  model?: string;
  stream?: boolean;
  system?: string | { type: string; text: string }[];
  max_tokens?: number;
  temperature?: number;
  thinking?: { type: string; budget_tokens?: number };
  messages?: { role: string; content: string | AnthropicBlock[] }[];
  tools?: { name: string; type?: string }[];
}

export interface AnthropicBlock {
  type: string;
  text?: string;
  content?: string | { type: string; text?: string }[];
}

export interface AnthropicAnswerContext {
  body: MessagesBody;
  scenario: Scenario;
  model: string;
  headers: Record<string, string>;
  /** Answer with these tool_use blocks instead of text (toolScript.ts). */
  toolCalls?: PlannedToolCall[] | undefined;
  /** The question, when the request offers the web search tool: searched before the text. */
  search?: string | null | undefined;
}

/** The search's count (ServerToolUsage) on a usage block, when one ran. */
function withSearches(usage: object, ctx: AnthropicAnswerContext): object {
  return ctx.search != null && !ctx.toolCalls
    ? { ...usage, server_tool_use: { web_search_requests: 1, web_fetch_requests: 0 } }
    : usage;
}

export function searchOf(body: MessagesBody, prompt: string): string | null {
  return offersAnthropicSearch(body.tools) ? prompt : null;
}

const stopReasons: Record<string, string> = {
  stop: 'end_turn',
  length: 'max_tokens',
  content_filter: 'refusal',
  tool_calls: 'tool_use',
};

/**
 * What the real API refuses (400) about extended thinking, per the SDK's ThinkingConfigEnabled
 * ("Must be ≥1024 and less than `max_tokens`") and the extended-thinking docs (no temperature
 * other than 1 while thinking), so a client that breaks a rule fails here as it would there.
 */
export function thinkingProblem(body: MessagesBody): string | null {
  const thinking = body.thinking;
  if (!thinking || thinking.type !== 'enabled') return null;
  const budget = thinking.budget_tokens ?? 0;
  if (budget < 1024)
    return 'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024';
  if (budget >= (body.max_tokens ?? 0))
    return '`max_tokens` must be greater than `thinking.budget_tokens`';
  if (body.temperature !== undefined && body.temperature !== 1)
    return '`temperature` may only be set to 1 when thinking is enabled';
  return null;
}

export function contentText(content: string | AnthropicBlock[]): string {
  return typeof content === 'string'
    ? content
    : content
        .map((part) =>
          typeof part.content === 'string'
            ? part.content
            : contentText(part.content ?? []) || (part.text ?? ''),
        )
        .join('');
}

function toolUseBlock(call: PlannedToolCall, input: unknown) {
  return { type: 'tool_use', id: call.id, name: call.name, input };
}

/** A tool_use block streamed: opened with an empty input, its JSON in pieces, then closed. */
async function streamToolUse(
  calls: PlannedToolCall[],
  first: number,
  send: (type: string, data: object) => Promise<void>,
): Promise<void> {
  for (const [n, call] of calls.entries()) {
    const index = first + n;
    await send('content_block_start', { index, content_block: toolUseBlock(call, {}) });
    for (const piece of argumentPieces(call.arguments))
      await send('content_block_delta', {
        index,
        delta: { type: 'input_json_delta', partial_json: piece },
      });
    await send('content_block_stop', { index });
  }
}

function parsedInput(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

function inputTokens(body: MessagesBody): number {
  const system =
    typeof body.system === 'string' ? body.system : (body.system ?? []).map((b) => b.text).join('');
  const texts = (body.messages ?? []).map((m) => contentText(m.content));
  return countPromptTokens(system ? [system, ...texts] : texts);
}

export async function answerAnthropicMessages(
  res: ServerResponse,
  ctx: AnthropicAnswerContext,
): Promise<void> {
  const { body, scenario, model } = ctx;
  const id = `msg_01Emu${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const calls = ctx.toolCalls;
  const stopReason = calls
    ? 'tool_use'
    : (stopReasons[scenario.finish ?? 'stop'] ?? scenario.finish ?? 'end_turn');
  const outputTokens = scenario.tokens.length + scenario.reasoning.length;
  const startUsage = {
    input_tokens: inputTokens(body),
    cache_creation_input_tokens: scenario.cacheWrite,
    cache_read_input_tokens: scenario.cached,
    output_tokens: 1,
    service_tier: 'standard',
  };

  // Output tokens spent thinking, inside output_tokens (the SDK's OutputTokensDetails).
  const outputDetails = scenario.reasoning.length
    ? { thinking_tokens: scenario.reasoning.length }
    : null;
  // ignore_stream=1: a proxy that answers a streamed request with the whole JSON answer.
  if (!body.stream || scenario.ignoreStream) {
    // A non-streamed answer is sent whole, once written: `delay` holds back the headers too.
    if (scenario.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, scenario.delayMs));
    const content: object[] = [];
    if (scenario.reasoning.length)
      content.push({
        type: 'thinking',
        thinking: scenario.reasoning.join(''),
        signature: 'EqQBCgIYAhIMemu',
      });
    const search = ctx.search ?? null;
    if (calls)
      content.push(...calls.map((call) => toolUseBlock(call, parsedInput(call.arguments))));
    else if (search !== null)
      content.push(...anthropicSearchBlocks(search, `srvtoolu_${id}`), {
        type: 'text',
        text: scenario.tokens.join(''),
        citations: anthropicCitations(search),
      });
    else content.push({ type: 'text', text: scenario.tokens.join('') });
    sendJson(
      res,
      200,
      {
        id,
        type: 'message',
        role: 'assistant',
        model,
        content,
        stop_reason: stopReason,
        stop_sequence: null,
        ...(scenario.usage
          ? {
              usage: withSearches(
                {
                  ...startUsage,
                  output_tokens: outputTokens,
                  output_tokens_details: outputDetails,
                },
                ctx,
              ),
            }
          : {}),
      },
      ctx.headers,
    );
    return;
  }

  const sse = new SseWriter(res, scenario);
  sse.start(ctx.headers);
  const send = (type: string, data: object) => sse.event(JSON.stringify({ type, ...data }), type);
  await send('message_start', {
    message: {
      id,
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      ...(scenario.usage ? { usage: startUsage } : {}),
    },
  });
  // The real API pings right after message_start; keep-alive pings follow when asked.
  await sse.event(JSON.stringify({ type: 'ping' }), 'ping');
  await initialDelay(sse, scenario, () => sse.event(JSON.stringify({ type: 'ping' }), 'ping'));

  let index = 0;
  const started = performance.now();
  let step = 0;
  if (scenario.reasoning.length) {
    await send('content_block_start', {
      index,
      content_block: { type: 'thinking', thinking: '', signature: '' },
    });
    for (const thought of scenario.reasoning) {
      if (sse.closed) return;
      await send('content_block_delta', {
        index,
        delta: { type: 'thinking_delta', thinking: thought },
      });
      await pace(started, step++, scenario.rate);
    }
    await send('content_block_delta', {
      index,
      delta: { type: 'signature_delta', signature: 'EqQBCgIYAhIMemu' },
    });
    await send('content_block_stop', { index });
    index++;
  }
  const search = calls ? null : (ctx.search ?? null);
  if (search !== null) index = await streamAnthropicSearch(search, `srvtoolu_${id}`, index, send);
  if (calls) await streamToolUse(calls, index, send);
  else await send('content_block_start', { index, content_block: { type: 'text', text: '' } });
  for (let i = 0; !calls && i < scenario.tokens.length && !sse.closed; i++) {
    if (scenario.drop !== null && i === scenario.drop) return await sse.drop();
    if (scenario.stall !== null && i === scenario.stall) return await sse.stall();
    if (scenario.end !== null && i === scenario.end) return sse.end();
    if (scenario.errorAt !== null && i === scenario.errorAt) {
      const error = inStreamError(scenario.errorForm ?? 'anthropic', scenario.errorType, {});
      await sse.event(error.data, error.event);
      return sse.end();
    }
    if (scenario.comments && i % 5 === 0) await sse.event(JSON.stringify({ type: 'ping' }), 'ping');
    await sse.maybeKeepAlive(i);
    await send('content_block_delta', {
      index,
      delta: { type: 'text_delta', text: scenario.tokens[i] },
    });
    // The sources the text cites, once it has begun (CitationsDelta).
    for (const citation of i === 0 && search !== null ? anthropicCitations(search) : [])
      await send('content_block_delta', { index, delta: { type: 'citations_delta', citation } });
    await pace(started, step++, scenario.rate);
  }
  if (sse.closed) return;
  if (!calls) await send('content_block_stop', { index });
  await send('message_delta', {
    delta: { stop_reason: stopReason, stop_sequence: null },
    ...(scenario.usage
      ? {
          usage: withSearches(
            { output_tokens: outputTokens, output_tokens_details: outputDetails },
            ctx,
          ),
        }
      : {}),
  });
  if (scenario.resetAfterFinish) return await sse.reset();
  await send('message_stop', {});
  sse.end();
}
