import type {
  Candidate,
  GenerateContentResponsePromptFeedback,
  GenerateContentResponseUsageMetadata,
} from '@google/genai';
import type { FinishReason, ProviderError, Usage } from '../../../shared/stream';
import { spoken } from '../../../shared/said';
import { factsFromBody, providerErrorFrom } from './errors';
import { geminiCallEvent } from './geminiTools';
import { geminiGrounding } from './webSearchWire';
import type { AdapterEvent, AnswerReader } from './types';

/**
 * Reading Gemini answers (`generateContent`, and `streamGenerateContent?alt=sse` chunks), raw
 * from the wire. Field names follow @google/genai's GenerateContentResponse, Candidate, Part,
 * GenerateContentResponsePromptFeedback and GenerateContentResponseUsageMetadata
 * (dist/node/node.d.ts); docs/ENGINE.md, "Gemini", says which fact comes from where.
 */
export interface GeminiChunk {
  candidates?: Candidate[];
  promptFeedback?: GenerateContentResponsePromptFeedback;
  usageMetadata?: GenerateContentResponseUsageMetadata;
  modelVersion?: string;
  responseId?: string;
  /** An error sent after HTTP 200, `{"error":{"code","message","status"}}` (the SDK's throwIfStreamErrorChunk). */
  error?: unknown;
}

const n = (value: number | null | undefined): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : 0;

/**
 * UsageMetadata: promptTokenCount includes the cached content, and the total is prompt +
 * candidates + toolUsePrompt + thoughts. Ours: input counts every prompt token (cached ones
 * included, as DESIGN.md has it), output every generated one (thoughts included).
 */
export function usageFromGemini(wire: GenerateContentResponseUsageMetadata): Usage {
  const inputTokens = n(wire.promptTokenCount) + n(wire.toolUsePromptTokenCount);
  const outputTokens = n(wire.candidatesTokenCount) + n(wire.thoughtsTokenCount);
  const usage: Usage = {
    inputTokens,
    outputTokens,
    totalTokens: wire.totalTokenCount ?? inputTokens + outputTokens,
    source: 'provider',
  };
  if (typeof wire.cachedContentTokenCount === 'number')
    usage.cachedInputTokens = wire.cachedContentTokenCount;
  if (typeof wire.thoughtsTokenCount === 'number') usage.reasoningTokens = wire.thoughtsTokenCount;
  return usage;
}

/** The SDK's FinishReason values that mean a filter stopped the answer (safety, recitation, …). */
const filtered = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'LANGUAGE',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
  'IMAGE_OTHER',
  'NO_IMAGE',
  'ESCALATION',
  'MODEL_ARMOR',
]);

/** What each of the SDK's FinishReason values means in the normalized vocabulary. */
export function finishFromGemini(reason: string | null | undefined): FinishReason {
  if (!reason || reason === 'STOP' || reason === 'FINISH_REASON_UNSPECIFIED') return 'stop';
  // CONTINUATION: the per-request token limit was reached before the answer's end (the SDK's
  // automatic continuation is off: the engine makes one request per answer).
  if (reason === 'MAX_TOKENS' || reason === 'CONTINUATION') return 'length';
  if (filtered.has(reason)) return 'content_filter';
  // MALFORMED_FUNCTION_CALL, UNEXPECTED_TOOL_CALL, TOO_MANY_TOOL_CALLS, OTHER, MALFORMED_RESPONSE,
  // MISSING_THOUGHT_SIGNATURE, PUP_LIMITED_DISABLED and any value newer than this code: it failed.
  return 'error';
}

/** A finish that is a failure, said in plain words (the SDK names the reason, nothing more). */
function finishError(reason: string, message: string | undefined): ProviderError {
  const words = message
    ? spoken('engine.gemini.stoppedSaid', { reason, detail: message })
    : spoken('engine.gemini.stopped', { reason });
  return { kind: 'server', status: null, ...words };
}

/** promptFeedback.blockReason: the prompt itself was refused, before any answer. */
function blockedError(feedback: GenerateContentResponsePromptFeedback): ProviderError {
  const reason = feedback.blockReason ?? 'BLOCKED_REASON_UNSPECIFIED';
  const words = feedback.blockReasonMessage
    ? spoken('engine.gemini.blockedSaid', { reason, detail: feedback.blockReasonMessage })
    : spoken('engine.gemini.blocked', { reason });
  return { kind: 'content_filter', status: null, ...words };
}

interface ReaderState {
  metadataSent: boolean;
  finishReason: string | null;
  /** Function calls seen: a STOP after them asks for their results (tool_calls). */
  calls: number;
  /** The prompt was grounded in Google Search: billed per grounded prompt (ENGINE.md). */
  grounded: boolean;
}

function endOf(reason: string, state: ReaderState): AdapterEvent {
  const finishReason = finishFromGemini(reason);
  return {
    type: 'end',
    finishReason: state.calls > 0 && finishReason === 'stop' ? 'tool_calls' : finishReason,
    providerFinishReason: reason,
  };
}

/** One response object, streamed chunk or whole answer, into adapter events. */
function chunkEvents(chunk: GeminiChunk, state: ReaderState, out: AdapterEvent[]): void {
  if (!state.metadataSent && (chunk.responseId || chunk.modelVersion)) {
    state.metadataSent = true;
    const metadata: AdapterEvent = { type: 'metadata' };
    if (chunk.responseId) metadata.id = chunk.responseId;
    if (chunk.modelVersion) metadata.model = chunk.modelVersion;
    out.push(metadata);
  }
  const candidate = chunk.candidates?.[0];
  for (const part of candidate?.content?.parts ?? []) {
    // Thoughts are parts marked `thought: true` (sent with thinkingConfig.includeThoughts).
    if (part.text) out.push({ type: part.thought ? 'reasoning' : 'text', text: part.text });
    const call = geminiCallEvent(part, state.calls);
    if (call) {
      state.calls++;
      out.push(call);
    }
  }
  if (geminiGrounding(candidate?.groundingMetadata, out)) state.grounded = true;
  const reason = candidate?.finishReason ?? null;
  if (reason) state.finishReason = reason;
  // Counts in a chunk before the finish are partial: only the prompt side is final.
  if (chunk.usageMetadata)
    out.push({
      type: 'usage',
      usage: {
        ...usageFromGemini(chunk.usageMetadata),
        ...(state.grounded ? { webSearchCalls: 1 } : {}),
      },
      inputOnly: state.finishReason === null,
    });
  // A failure ends the attempt; its raw reason is kept as the provider's finish reason.
  const block = candidate ? undefined : chunk.promptFeedback?.blockReason;
  if (block) {
    out.push({ type: 'end', finishReason: 'content_filter', providerFinishReason: block });
    out.push({ type: 'error', error: blockedError(chunk.promptFeedback!) });
  } else if (reason && finishFromGemini(reason) === 'error') {
    out.push(endOf(reason, state));
    out.push({ type: 'error', error: finishError(reason, candidate?.finishMessage) });
  }
}

/**
 * The reader of one Gemini answer. The stream has no end marker of its own: the answer is whole
 * once a chunk named its finishReason and the body ended (or broke) after it; a body that ends
 * before any finishReason was cut off.
 */
export function geminiAnswerReader(secrets: string[], headers: Headers | null): AnswerReader {
  const state: ReaderState = { metadataSent: false, finishReason: null, calls: 0, grounded: false };
  const wireError = (data: string): AdapterEvent => ({
    type: 'error',
    error: providerErrorFrom(factsFromBody(null, data, headers), secrets),
  });
  return {
    event(message, out) {
      if (message.data === '') return;
      const chunk = JSON.parse(message.data) as GeminiChunk;
      if (chunk.error) {
        out.push(wireError(message.data));
        return;
      }
      chunkEvents(chunk, state, out);
    },
    whole(body, out) {
      const answer = (body ?? {}) as GeminiChunk;
      if (answer.error) {
        out.push(wireError(JSON.stringify(answer)));
        return;
      }
      chunkEvents(answer, state, out);
      if (out.some((event) => event.type === 'end')) return;
      // A whole answer is whole, even one that names no finish reason.
      out.push(
        state.finishReason
          ? endOf(state.finishReason, state)
          : { type: 'end', finishReason: 'stop', providerFinishReason: null },
      );
    },
    complete(out) {
      if (state.finishReason !== null) out.push(endOf(state.finishReason, state));
    },
  };
}
