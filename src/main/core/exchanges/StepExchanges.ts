import type { McpMessageView, ToolCallExchangeView } from '../../../shared/exchanges';
import {
  ExchangeRecorder,
  type CapturedBody,
  type CapturedRequest,
  type CapturedResponse,
  type ExchangeObserver,
  type RawStreamEvent,
} from '../providers/exchange';

/** Told of each JSON-RPC message of one tool call (its text already stripped of secrets). */
export type McpMessageTap = (direction: McpMessageView['direction'], message: string) => void;

/** One provider call of an answer: its attempts, and the tool calls it asked for. */
export interface StepEntry {
  step: number;
  recorder: ExchangeRecorder;
  toolCalls: ToolCallExchangeView[];
  /** The step's own first-token and total time, as the engine timed it. */
  timing: { ttftMs: number | null; totalMs: number } | null;
}

/** An MCP message kept in the inspector at most this long (a tool can return megabytes). */
const MAX_MESSAGE_CHARS = 100_000;

/**
 * An answer's capture, split by tool-loop step: each step's provider call is its own exchange
 * (its retries its attempts), and the MCP messages of the calls that step asked for sit under
 * it. A plain answer is one entry. The engine's observer hooks go to the current step's recorder.
 */
export class StepExchanges implements ExchangeObserver {
  readonly entries: StepEntry[] = [];
  /** True once the loop ran: the entries are saved with their step numbers. */
  stepped = false;
  private ended = true;
  private readonly started = performance.now();

  onRequest(request: CapturedRequest): void {
    if (this.ended) {
      this.entries.push({
        step: this.entries.length + 1,
        recorder: new ExchangeRecorder(),
        toolCalls: [],
        timing: null,
      });
      this.ended = false;
    }
    this.current()?.recorder.onRequest(request);
  }
  onResponse(response: CapturedResponse): void {
    this.current()?.recorder.onResponse(response);
  }
  onRawEvent(event: RawStreamEvent): void {
    this.current()?.recorder.onRawEvent(event);
  }
  onBody(body: CapturedBody): void {
    this.current()?.recorder.onBody(body);
  }

  /** The step's provider call is over: the next request starts the next step. */
  endStep(timing: StepEntry['timing']): void {
    const entry = this.current();
    if (entry && !this.ended) entry.timing = timing;
    this.stepped = true;
    this.ended = true;
  }

  /** A tap for one tool call's MCP messages, kept under the step that asked for it. */
  toolCall(callId: string, tool: { name: string; serverId: string }): McpMessageTap {
    const call: ToolCallExchangeView = {
      callId,
      tool: tool.name,
      serverId: tool.serverId,
      messages: [],
    };
    this.current()?.toolCalls.push(call);
    return (direction, message) => {
      const text =
        message.length > MAX_MESSAGE_CHARS
          ? `${message.slice(0, MAX_MESSAGE_CHARS)}… [cut at ${MAX_MESSAGE_CHARS} characters]`
          : message;
      call.messages.push({ direction, message: text, atMs: performance.now() - this.started });
    };
  }

  private current(): StepEntry | undefined {
    return this.entries.at(-1);
  }
}
