/**
 * The tool loop, in main, over any engine: each step is one provider call; when it ends asking
 * for tools, each call is checked (a known tool, JSON arguments), approved by the person, run,
 * and its result sent back in the next step, until the model answers or the step limit is hit.
 * What the caller sees is one stream: the steps' text, each call and each result (so the answer's
 * parts keep them in order), then one finish. Every failure goes back to the model as the call's
 * result; nothing here throws.
 */
import type { StreamEvent, StreamTiming, Usage } from '../../../shared/stream';
import type { ToolCallOutcome, ToolInfo } from '../../../shared/tools';
import type { EngineOptions } from '../providers/streamChat';
import type { ChatRequest, ChatTurn, ProviderTarget, ToolCallTurn } from '../providers/types';
import type { McpMessageTap } from '../exchanges/StepExchanges';
import { addUsage } from './usageSum';

export type ApprovalAnswer = 'allow' | 'deny';

export interface ToolApprovalRequest {
  callId: string;
  tool: ToolInfo;
  arguments: string;
}

/** One provider call of the loop, for its own usage row. */
export interface ToolStepEnd {
  step: number;
  usage: Usage | null;
  model: string | null;
  timing: StreamTiming | null;
  finishReason: Extract<StreamEvent, { type: 'finish' }>['finishReason'];
}

export interface ToolRun {
  tools: ToolInfo[];
  call(
    tool: ToolInfo,
    args: Record<string, unknown>,
    signal: AbortSignal,
    tap?: McpMessageTap,
  ): Promise<ToolCallOutcome>;
  /** Resolves 'deny' when the signal aborts. */
  approve(request: ToolApprovalRequest, signal: AbortSignal): Promise<ApprovalAnswer>;
  maxSteps: number;
  /** Where the person raises the limit (the app's setting, or the CLI's flag). */
  raiseLimit?: string;
  onStep?(step: ToolStepEnd): void;
  /** The inspector's capture of one call's MCP messages, when capture is on. */
  tapCall?(callId: string, tool: ToolInfo): McpMessageTap | undefined;
  /** The built-in web_search stands in for the provider's own search tool (not sent then). */
  replacesNativeSearch?: boolean;
}

export type Engine = (
  target: ProviderTarget,
  request: ChatRequest,
  options: EngineOptions,
) => AsyncIterable<StreamEvent>;

type ToolCallEvent = Extract<StreamEvent, { type: 'toolCall' }>;
type FinishEvent = Extract<StreamEvent, { type: 'finish' }>;

interface StepOutcome {
  finish: FinishEvent | null;
  calls: ToolCallEvent[];
  text: string;
  usage: Usage | null;
  model: string | null;
}

/** One provider call: its content events passed on; its calls, usage and finish kept back. */
async function* readStep(
  events: AsyncIterable<StreamEvent>,
  run: ToolRun,
): AsyncGenerator<StreamEvent, StepOutcome> {
  const outcome: StepOutcome = { finish: null, calls: [], text: '', usage: null, model: null };
  for await (const event of events) {
    if (event.type === 'finish') outcome.finish = event;
    else if (event.type === 'usage') outcome.usage = event.usage;
    else if (event.type === 'toolCall') outcome.calls.push(withServer(event, run.tools));
    else {
      if (event.type === 'text') outcome.text += event.text;
      if (event.type === 'metadata' && event.model) outcome.model = event.model;
      yield event;
    }
  }
  return outcome;
}

export const DENIED_RESULT = 'The person denied this tool call. Do not call it again unless asked.';

export async function* toolLoop(
  engine: Engine,
  target: ProviderTarget,
  request: ChatRequest,
  options: EngineOptions & { signal: AbortSignal },
  run: ToolRun,
): AsyncGenerator<StreamEvent> {
  const started = performance.now();
  const messages: ChatTurn[] = [...request.messages];
  const tools = run.tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    parameters: tool.inputSchema,
  }));
  let usage: Usage | null = null;
  let ttftMs: number | null = null;
  const timing = () => ({ ttftMs, totalMs: performance.now() - started });
  for (let step = 1; ; step++) {
    const outcome = yield* readStep(engine(target, { ...request, messages, tools }, options), run);
    const { finish, calls } = outcome;
    usage = addUsage(usage, outcome.usage);
    ttftMs ??= finish?.timing.ttftMs ?? null;
    run.onStep?.({
      step,
      usage: outcome.usage,
      model: outcome.model,
      timing: finish?.timing ?? null,
      finishReason: finish?.finishReason ?? 'error',
    });
    if (!finish || calls.length === 0 || options.signal.aborted) {
      yield* calls;
      return yield* ending(usage, finish && { ...finish, timing: timing() });
    }
    if (step >= run.maxSteps) {
      const text = `\n\n[Stopped: the limit of ${run.maxSteps} tool steps was reached. Raise it ${run.raiseLimit ?? 'in Settings › Tools'} to let the model go on.]`;
      yield { type: 'text', text };
      const end = { finishReason: 'tool_calls', providerFinishReason: 'step_limit' } as const;
      return yield* ending(usage, { type: 'finish', ...end, timing: timing() });
    }
    messages.push({ role: 'assistant', content: outcome.text, toolCalls: calls.map(callTurn) });
    yield* runCalls(calls, run, options.signal, messages);
    if (options.signal.aborted) {
      const end = { finishReason: 'cancelled', providerFinishReason: null } as const;
      return yield* ending(usage, { type: 'finish', ...end, timing: timing() });
    }
  }
}

/** The answer's end: the usage of all its steps together, then its finish. */
function* ending(usage: Usage | null, finish: FinishEvent | null): Generator<StreamEvent> {
  if (usage) yield { type: 'usage', usage };
  if (finish) yield finish;
}

/** Each call in turn (approvals come one at a time), its result added to the history. */
async function* runCalls(
  calls: readonly ToolCallEvent[],
  run: ToolRun,
  signal: AbortSignal,
  messages: ChatTurn[],
): AsyncGenerator<StreamEvent> {
  for (const call of calls) {
    yield call;
    const events = await runCall(call, run, signal);
    yield* events;
    for (const event of events)
      if (event.type === 'toolResult')
        messages.push({
          role: 'tool',
          callId: call.callId,
          name: call.name,
          content: event.content,
          isError: event.isError,
        });
  }
}

function withServer(event: ToolCallEvent, tools: readonly ToolInfo[]): ToolCallEvent {
  const tool = tools.find((t) => t.name === event.name);
  return tool ? { ...event, serverId: tool.serverId } : event;
}

function callTurn(call: ToolCallEvent): ToolCallTurn {
  return { callId: call.callId, name: call.name, arguments: call.arguments };
}

function parseArguments(text: string): Record<string, unknown> | string {
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
    return 'The arguments must be a JSON object.';
  } catch (error) {
    return `The arguments are not valid JSON (${error instanceof Error ? error.message : 'parse error'}).`;
  }
}

/** One call: checked, approved, run; its status and result as events. */
async function runCall(
  call: ToolCallEvent,
  run: ToolRun,
  signal: AbortSignal,
): Promise<StreamEvent[]> {
  const result = (outcome: ToolCallOutcome): StreamEvent => ({
    type: 'toolResult',
    callId: call.callId,
    ...outcome,
  });
  const tool = run.tools.find((t) => t.name === call.name);
  if (!tool) {
    const known = run.tools.map((t) => t.name).join(', ') || 'none';
    return [
      { type: 'toolStatus', callId: call.callId, status: 'skipped' },
      result({
        content: `There is no tool named "${call.name}". The tools are: ${known}.`,
        isError: true,
      }),
    ];
  }
  const args = parseArguments(call.arguments);
  if (typeof args === 'string')
    return [
      { type: 'toolStatus', callId: call.callId, status: 'skipped' },
      result({ content: args, isError: true }),
    ];
  const answer = await run.approve(
    { callId: call.callId, tool, arguments: call.arguments },
    signal,
  );
  if (answer === 'deny' || signal.aborted)
    return [
      { type: 'toolStatus', callId: call.callId, status: 'denied' },
      result({ content: signal.aborted ? 'The call was stopped.' : DENIED_RESULT, isError: true }),
    ];
  const { citations, ...outcome } = await run.call(
    tool,
    args,
    signal,
    run.tapCall?.(call.callId, tool),
  );
  // A search's pages become the answer's sources, listed under it like a provider's own citations.
  const sources = (citations ?? []).map((c): StreamEvent => ({ type: 'citation', ...c }));
  return [result(outcome), ...sources];
}
