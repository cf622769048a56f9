import type { Message, RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import { factsFromBody, providerErrorFrom } from './errors';
import {
  finishFromAnthropic,
  mergeAnthropicUsage,
  usageFromAnthropic,
  type AnthropicWireUsage,
} from './normalize';
import { AnthropicToolBlocks } from './anthropicTools';
import { anthropicCitation } from './webSearchWire';
import type { AdapterEvent, AnswerReader } from './types';

/**
 * Reading Anthropic Messages answers: the raw stream events one by one (no SDK accumulation),
 * or a whole Message. Event and field names follow @anthropic-ai/sdk's RawMessageStreamEvent.
 */

function messageEvents(message: Message, out: AdapterEvent[]): void {
  out.push({ type: 'metadata', id: message.id, model: message.model });
  for (const block of message.content ?? []) {
    if (block.type === 'thinking') out.push({ type: 'reasoning', text: block.thinking });
    if (block.type === 'text') {
      out.push({ type: 'text', text: block.text });
      citeAll(block.citations, out);
    }
    if (block.type === 'tool_use')
      out.push({
        type: 'toolCall',
        callId: block.id,
        name: block.name,
        arguments: JSON.stringify(block.input ?? {}),
      });
  }
  if (message.usage) out.push({ type: 'usage', usage: usageFromAnthropic(message.usage) });
  const reason = message.stop_reason ?? null;
  out.push({
    type: 'end',
    finishReason: finishFromAnthropic(reason),
    providerFinishReason: reason,
  });
}

function citeAll(citations: readonly unknown[] | null | undefined, out: AdapterEvent[]): void {
  for (const cited of citations ?? []) {
    const found = anthropicCitation(cited);
    if (found) out.push(found);
  }
}

interface StreamState {
  usage: AnthropicWireUsage;
  stopReason: string | null;
  tools: AnthropicToolBlocks;
}

function endOf(state: StreamState): AdapterEvent {
  return {
    type: 'end',
    finishReason: finishFromAnthropic(state.stopReason),
    providerFinishReason: state.stopReason,
  };
}

/** Normalizes one raw stream event; `state` carries usage and the stop across events. */
function streamEvent(event: RawMessageStreamEvent, state: StreamState, out: AdapterEvent[]) {
  state.tools.take(event, out);
  switch (event.type) {
    case 'message_start':
      out.push({ type: 'metadata', id: event.message.id, model: event.message.model });
      state.usage = mergeAnthropicUsage(state.usage, event.message.usage);
      // The prompt's counts are final here; the output count comes with message_delta. Kept,
      // so an answer cut short still records what the provider reported.
      if (Object.keys(state.usage).length > 0)
        out.push({ type: 'usage', usage: usageFromAnthropic(state.usage), inputOnly: true });
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
      else if (event.delta.type === 'citations_delta') citeAll([event.delta.citation], out);
      break;
    case 'message_delta':
      state.stopReason = event.delta.stop_reason ?? state.stopReason;
      // No counts at all (a proxy that strips them) is no usage, not zero usage.
      if (event.usage) {
        state.usage = mergeAnthropicUsage(state.usage, event.usage);
        out.push({ type: 'usage', usage: usageFromAnthropic(state.usage) });
      }
      break;
    case 'message_stop':
      out.push(endOf(state));
      break;
  }
}

/**
 * The reader of one Anthropic answer: message_stop is the terminal marker; a stop_reason that
 * came before a lost connection means the answer was whole.
 */
export function anthropicAnswerReader(secrets: string[], headers: Headers | null): AnswerReader {
  const state: StreamState = { usage: {}, stopReason: null, tools: new AnthropicToolBlocks() };
  return {
    event(message, out) {
      // As the SDK reads the stream: pings and unnamed events carry nothing.
      if (message.event === null || message.event === 'ping' || message.data === '') return;
      if (message.event === 'error') {
        out.push({
          type: 'error',
          error: providerErrorFrom(factsFromBody(null, message.data, headers), secrets),
        });
        return;
      }
      streamEvent(JSON.parse(message.data) as RawMessageStreamEvent, state, out);
    },
    whole(body, out) {
      const message = (body ?? {}) as Message | { type: 'error' };
      if (message.type === 'error') {
        out.push({
          type: 'error',
          error: providerErrorFrom(factsFromBody(null, JSON.stringify(body), headers), secrets),
        });
        return;
      }
      messageEvents(message, out);
    },
    complete(out) {
      if (state.stopReason !== null) out.push(endOf(state));
    },
  };
}
