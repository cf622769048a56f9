import type { ProviderError } from '../../../shared/stream';
import { factsFromBody, providerErrorFrom } from './errors';
import { finishFromOpenAI, usageFromOpenAI, type OpenAIWireUsage } from './normalize';
import { ToolCallAssembler } from './chatCompletionsTools';
import type { AdapterEvent, AnswerReader } from './types';

/**
 * Reading OpenAI Chat Completions answers (OpenAI, Azure OpenAI and compatible servers alike:
 * one rule for all of them). Field names follow the openai SDK's ChatCompletionChunk and
 * ChatCompletion types, plus what compatible servers add.
 */

/** Fields compatible servers add to the chunk that the SDK's types do not name. */
interface CompatDelta {
  content?: string | null;
  /** The model declined: its reason, streamed like content (SDK: `delta.refusal`). */
  refusal?: string | null;
  /** DeepSeek, vLLM, LM Studio, Qwen. */
  reasoning_content?: string | null;
  /** OpenRouter, Ollama, Groq (reasoning_format=parsed), newer vLLM. */
  reasoning?: string | null;
  /** Streamed: pieces by index (Delta.ToolCall); whole: ChatCompletionMessageToolCall[]. */
  tool_calls?:
    | {
        index?: number;
        id?: string | null;
        function?: { name?: string | null; arguments?: string | null } | null;
      }[]
    | null;
}
interface CompatChunk {
  id?: string;
  model?: string;
  created?: number;
  choices?: { delta?: CompatDelta | null; finish_reason?: string | null }[] | null;
  usage?: OpenAIWireUsage | null;
  /** An error in the stream (OpenAI's bare `{"error": …}`, OpenRouter's chunk with `error`). */
  error?: unknown;
  /** Groq: usage (older API) and an error string when it stops a stream. */
  x_groq?: { usage?: OpenAIWireUsage | null; error?: string | { message?: string } | null } | null;
}
interface CompatCompletion {
  id?: string;
  model?: string;
  created?: number;
  choices?: { message?: CompatDelta | null; finish_reason?: string | null }[] | null;
  usage?: OpenAIWireUsage | null;
  error?: unknown;
}

/** The wire's own end marker: only a data line that is exactly this ends the stream. */
const DONE_MARKER = '[DONE]';

function groqError(chunk: CompatChunk, secrets: string[]): ProviderError | null {
  const error = chunk.x_groq?.error;
  if (!error) return null;
  const message = typeof error === 'string' ? error : (error.message ?? 'The server stopped.');
  return providerErrorFrom({ status: null, type: 'server_error', message }, secrets);
}

function contentEvents(delta: CompatDelta, out: AdapterEvent[]): void {
  const reasoning = delta.reasoning_content ?? delta.reasoning;
  if (reasoning) out.push({ type: 'reasoning', text: reasoning });
  if (delta.content) out.push({ type: 'text', text: delta.content });
  if (delta.refusal) out.push({ type: 'refusal', text: delta.refusal });
}

function metadataOf(answer: { id?: string; model?: string; created?: number }): AdapterEvent {
  const metadata: AdapterEvent = { type: 'metadata' };
  if (answer.id) metadata.id = answer.id;
  if (answer.model) metadata.model = answer.model;
  if (answer.created) metadata.created = answer.created;
  return metadata;
}

function end(providerFinishReason: string | null): AdapterEvent {
  return {
    type: 'end',
    // No finish_reason but the end marker: a complete answer whose reason the server did not name.
    finishReason: providerFinishReason === null ? 'stop' : finishFromOpenAI(providerFinishReason),
    providerFinishReason,
  };
}

/**
 * The reader of one OpenAI-dialect answer. The answer is complete when its finish_reason came
 * (a connection lost after it, before `[DONE]`, loses nothing) or when `[DONE]` came.
 */
export function openAIAnswerReader(secrets: string[], headers: Headers | null): AnswerReader {
  let metadataSent = false;
  let providerFinishReason: string | null = null;
  const toolCalls = new ToolCallAssembler();
  const inStreamError = (data: string): ProviderError =>
    providerErrorFrom(factsFromBody(null, data, headers), secrets);

  return {
    event(message, out) {
      if (message.data === DONE_MARKER) {
        toolCalls.flush(out);
        out.push(end(providerFinishReason));
        return;
      }
      // SSE comments never reach here; an event with no data (a keep-alive) says nothing.
      if (message.data === '') return;
      const chunk = JSON.parse(message.data) as CompatChunk;
      if (message.event === 'error' || chunk.error) {
        out.push({ type: 'error', error: inStreamError(message.data) });
        return;
      }
      if (!metadataSent && (chunk.id || chunk.model)) {
        metadataSent = true;
        out.push(metadataOf(chunk));
      }
      const choice = chunk.choices?.[0];
      if (choice?.delta) contentEvents(choice.delta, out);
      toolCalls.add(choice?.delta?.tool_calls);
      const usage = chunk.usage ?? chunk.x_groq?.usage;
      if (usage) out.push({ type: 'usage', usage: usageFromOpenAI(usage) });
      const groq = groqError(chunk, secrets);
      if (groq) out.push({ type: 'error', error: groq });
      if (choice?.finish_reason) providerFinishReason = choice.finish_reason;
    },
    whole(body, out) {
      const completion = (body ?? {}) as CompatCompletion;
      if (completion.error && !completion.choices) {
        out.push({ type: 'error', error: inStreamError(JSON.stringify(completion)) });
        return;
      }
      out.push(metadataOf(completion));
      const choice = completion.choices?.[0];
      if (choice?.message) contentEvents(choice.message, out);
      toolCalls.add(choice?.message?.tool_calls);
      toolCalls.flush(out);
      if (completion.usage) out.push({ type: 'usage', usage: usageFromOpenAI(completion.usage) });
      out.push(end(choice?.finish_reason ?? null));
    },
    complete(out) {
      if (providerFinishReason === null) return;
      toolCalls.flush(out);
      out.push(end(providerFinishReason));
    },
  };
}
