import type {
  Response,
  ResponseStreamEvent,
  ResponseUsage,
} from 'openai/resources/responses/responses';
import type { FinishReason, Usage } from '../../../shared/stream';
import { spoken } from '../../../shared/said';
import { factsFromBody, providerErrorFrom } from './errors';
import { ResponsesFunctionCalls } from './responsesTools';
import { responsesCitation } from './webSearchWire';
import type { AdapterEvent, AnswerReader } from './types';

/**
 * Reading OpenAI Responses API answers (OpenAI, and Azure OpenAI's v1 path): its semantic stream
 * events one by one, or a whole Response object. Event and field names follow the openai SDK's
 * `ResponseStreamEvent` and `Response` types (openai/resources/responses/responses.ts); which
 * ones are read, and why, is in docs/ENGINE.md ("Responses API").
 */

type Wire<T> = { [K in keyof T]?: T[K] | null | undefined };
/** The usage block as the SDK types it, every field treated as possibly missing. */
type WireUsage = Wire<Omit<ResponseUsage, 'input_tokens_details' | 'output_tokens_details'>> & {
  input_tokens_details?: { cached_tokens?: number | null } | null;
  output_tokens_details?: { reasoning_tokens?: number | null } | null;
};
/** The response object as it arrives: the SDK's `Response`, read defensively. */
type WireResponse = Wire<Omit<Response, 'usage' | 'output'>> & {
  usage?: WireUsage | null;
  output?: Wire<Response['output'][number] & { content: unknown; summary: unknown }>[] | null;
};

const n = (value: number | null | undefined): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : 0;

/** `input_tokens` already counts the cached ones, `output_tokens` the reasoning ones (SDK docs). */
export function usageFromResponses(wire: WireUsage): Usage {
  const inputTokens = n(wire.input_tokens);
  const outputTokens = n(wire.output_tokens);
  const usage: Usage = {
    inputTokens,
    outputTokens,
    totalTokens: wire.total_tokens ?? inputTokens + outputTokens,
    source: 'provider',
  };
  const cached = wire.input_tokens_details?.cached_tokens;
  if (typeof cached === 'number') usage.cachedInputTokens = cached;
  const reasoning = wire.output_tokens_details?.reasoning_tokens;
  if (typeof reasoning === 'number') usage.reasoningTokens = reasoning;
  return usage;
}

/**
 * A response's end as a finish reason. `incomplete_details.reason`: `max_output_tokens` is a
 * length stop, `content_filter` a filter; the others (`max_messages`, `steered`) also cut the
 * answer short at a limit, so they end as `length` with their own name kept.
 */
export function finishFromResponse(response: WireResponse): {
  finishReason: FinishReason;
  providerFinishReason: string | null;
} {
  if (response.status === 'incomplete') {
    const reason = response.incomplete_details?.reason ?? null;
    return {
      finishReason: reason === 'content_filter' ? 'content_filter' : 'length',
      providerFinishReason: reason ?? 'incomplete',
    };
  }
  return { finishReason: 'stop', providerFinishReason: response.status ?? 'completed' };
}

function metadataOf(response: WireResponse): AdapterEvent {
  const metadata: AdapterEvent = { type: 'metadata' };
  if (response.id) metadata.id = response.id;
  if (typeof response.model === 'string' && response.model) metadata.model = response.model;
  if (response.created_at) metadata.created = response.created_at;
  return metadata;
}

type Part = { type?: string; text?: string; refusal?: string; annotations?: unknown[] };

/** A whole response's output items, in order: reasoning summaries, text and refusals. */
function outputEvents(response: WireResponse, out: AdapterEvent[]): void {
  for (const item of response.output ?? []) {
    if (item.type === 'reasoning') {
      const summary = Array.isArray(item.summary) ? (item.summary as Part[]) : [];
      const content = Array.isArray(item.content) ? (item.content as Part[]) : [];
      // The summary is what OpenAI shows; raw reasoning text only where a server sends it.
      const parts = summary.length > 0 ? summary : content;
      const text = parts
        .map((p) => p.text ?? '')
        .filter(Boolean)
        .join('\n\n');
      if (text) out.push({ type: 'reasoning', text });
    }
    if (item.type === 'message' && Array.isArray(item.content)) {
      for (const part of item.content as Part[]) {
        if (part.type === 'output_text' && part.text) out.push({ type: 'text', text: part.text });
        for (const annotation of part.annotations ?? []) {
          const cited = responsesCitation(annotation);
          if (cited) out.push(cited);
        }
        if (part.type === 'refusal' && part.refusal)
          out.push({ type: 'refusal', text: part.refusal });
      }
    }
  }
}

/** What the stream carries across events. */
interface StreamState {
  metadataSent: boolean;
  /** The reasoning summary part last written to, so the next part starts on a new paragraph. */
  summaryPart: string | null;
  calls: ResponsesFunctionCalls;
  /** web_search_call items seen: each search is billed apart (docs/ENGINE.md "Web search"). */
  searches: number;
}

/** A terminal response (completed, incomplete): its usage, then its end. */
function ending(response: WireResponse, state: StreamState, out: AdapterEvent[]): void {
  if (!state.metadataSent) {
    state.metadataSent = true;
    out.push(metadataOf(response));
  }
  if (response.usage) {
    const usage = usageFromResponses(response.usage);
    if (state.searches > 0) usage.webSearchCalls = state.searches;
    out.push({ type: 'usage', usage });
  }
  const end = finishFromResponse(response);
  // A completed response whose output is function calls wants their results next.
  if (state.calls.called && end.finishReason === 'stop') end.finishReason = 'tool_calls';
  out.push({ type: 'end', ...end });
}

function summaryDelta(
  event: Extract<ResponseStreamEvent, { type: 'response.reasoning_summary_text.delta' }>,
  state: StreamState,
  out: AdapterEvent[],
): void {
  const part = `${event.item_id}:${event.summary_index}`;
  const separator = state.summaryPart !== null && state.summaryPart !== part ? '\n\n' : '';
  state.summaryPart = part;
  if (event.delta) out.push({ type: 'reasoning', text: separator + event.delta });
}

/** The web search tool's events: a source cited in the text, a search done (webSearchWire.ts). */
function searchEvent(event: ResponseStreamEvent, state: StreamState, out: AdapterEvent[]): void {
  if (event.type === 'response.output_text.annotation.added') {
    const cited = responsesCitation(event.annotation);
    if (cited) out.push(cited);
  } else if (event.type === 'response.output_item.done' && event.item.type === 'web_search_call')
    state.searches++;
}

/**
 * The reader of one Responses answer. The terminal events are `response.completed`,
 * `response.incomplete` and `response.failed`; a stream that stops before one was cut off.
 */
/** A failed response that says nothing of why: our words, with their code. */
function responseFailed(secrets: Parameters<typeof providerErrorFrom>[1]) {
  const words = spoken('engine.responseFailed');
  return {
    ...providerErrorFrom({ status: null, message: words.message }, secrets, 'server'),
    said: words.said,
  };
}

export function responsesAnswerReader(secrets: string[], headers: Headers | null): AnswerReader {
  const state: StreamState = {
    metadataSent: false,
    summaryPart: null,
    calls: new ResponsesFunctionCalls(),
    searches: 0,
  };
  const errorIn = (data: string) => providerErrorFrom(factsFromBody(null, data, headers), secrets);
  const failed = (response: WireResponse): AdapterEvent => ({
    type: 'error',
    error: response.error?.message
      ? providerErrorFrom(
          { status: null, code: response.error.code ?? null, message: response.error.message },
          secrets,
        )
      : responseFailed(secrets),
  });

  return {
    event(message, out) {
      if (message.data === '') return;
      const event = JSON.parse(message.data) as ResponseStreamEvent;
      // The data's own `type` names the event; the SSE `event:` line repeats it.
      const type: string | null = event.type ?? message.event;
      state.calls.take(event, out);
      searchEvent(event, state, out);
      switch (type) {
        case 'response.created':
          if (!state.metadataSent && 'response' in event) {
            state.metadataSent = true;
            out.push(metadataOf(event.response));
          }
          break;
        case 'response.output_text.delta':
        case 'response.reasoning_text.delta':
        case 'response.refusal.delta': {
          const { delta } = event as { delta?: string };
          if (!delta) break;
          const kind =
            type === 'response.output_text.delta'
              ? 'text'
              : type === 'response.refusal.delta'
                ? 'refusal'
                : 'reasoning';
          out.push({ type: kind, text: delta });
          break;
        }
        case 'response.reasoning_summary_text.delta':
          summaryDelta(event as Parameters<typeof summaryDelta>[0], state, out);
          break;
        case 'response.completed':
        case 'response.incomplete':
          ending((event as { response: WireResponse }).response, state, out);
          break;
        case 'response.failed':
          out.push(failed((event as { response: WireResponse }).response));
          break;
        case 'error':
          out.push({ type: 'error', error: errorIn(message.data) });
          break;
      }
    },
    whole(body, out) {
      const response = (body ?? {}) as WireResponse & { error?: unknown };
      if (response.object !== 'response') {
        // Not a response object: an error body a proxy sent with status 200.
        out.push({ type: 'error', error: errorIn(JSON.stringify(body)) });
        return;
      }
      if (response.status === 'failed') {
        out.push(failed(response));
        return;
      }
      out.push(metadataOf(response));
      state.metadataSent = true;
      outputEvents(response, out);
      state.searches = (response.output ?? []).filter((i) => i.type === 'web_search_call').length;
      state.calls.whole(response.output as Parameters<ResponsesFunctionCalls['whole']>[0], out);
      ending(response, state, out);
    },
    // The end is told only by a terminal event, which `event` has already passed on.
    complete() {},
  };
}
