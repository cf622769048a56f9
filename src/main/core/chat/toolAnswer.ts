import type { StreamEvent } from '../../../shared/stream';
import type { EngineOptions } from '../providers/streamChat';
import type { StepExchanges } from '../exchanges/StepExchanges';
import type { ChatRequest, ProviderTarget } from '../providers/types';
import { toolLoop, type Engine, type ToolRun, type ToolStepEnd } from './toolLoop';

/** Where an answer's tools come from (the app's ToolService); absent: answers use no tools. */
export interface AnswerTools {
  /** `answer`: where the call goes and what it asks (the built-in web search needs to know). */
  runFor(
    conversationId: string,
    messageId: string,
    answer?: { target: ProviderTarget; request: ChatRequest },
  ): Promise<ToolRun | null>;
  /** A new chat's servers turned off before it existed (its first answer already honours it). */
  setOff?(conversationId: string, off: string[]): void;
}

/**
 * The events of one answer: the engine's, or, when the conversation has tools on, the tool
 * loop's over it, each provider call reported to `onStep` for its own usage row.
 */
export async function answerEvents(
  engine: Engine,
  tools: AnswerTools | undefined,
  ids: { conversationId: string; messageId: string },
  call: {
    target: ProviderTarget;
    request: ChatRequest;
    options: EngineOptions & { signal: AbortSignal };
    /** The inspector's capture: each step its own exchange, each call's MCP messages under it. */
    exchange?: StepExchanges;
  },
  onStep: (step: ToolStepEnd) => void,
): Promise<AsyncIterable<StreamEvent>> {
  const answer = { target: call.target, request: call.request };
  const run = tools ? await tools.runFor(ids.conversationId, ids.messageId, answer) : null;
  if (!run) return engine(call.target, call.request, call.options);
  const { exchange } = call;
  // The search provider's tool in place of the provider's own: only one of them is offered.
  const request = run.replacesNativeSearch ? { ...call.request, webSearch: false } : call.request;
  return toolLoop(engine, call.target, request, call.options, {
    ...run,
    onStep: (step) => {
      exchange?.endStep(step.timing);
      onStep(step);
    },
    ...(exchange ? { tapCall: (callId, tool) => exchange.toolCall(callId, tool) } : {}),
  });
}
