/**
 * Tools on the Chat Completions wire (openai SDK, resources/chat/completions/completions.d.ts):
 * `tools: ChatCompletionFunctionTool[]` ({ type: 'function', function: { name, description,
 * parameters } }), an assistant turn's `tool_calls` (ChatCompletionMessageFunctionToolCall: id,
 * type 'function', function { name, arguments }), and each result as a
 * ChatCompletionToolMessageParam ({ role: 'tool', tool_call_id, content }). Streamed calls come as
 * `delta.tool_calls[]` (ChatCompletionChunk.Choice.Delta.ToolCall: index, id?, function { name?,
 * arguments? }): pieces of one call share its index, so parallel calls interleave safely.
 */
import type {
  ChatCompletionFunctionTool,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { AdapterEvent, ChatTurn, ToolSpec } from './types';
import { chatCompletionsTurn } from './wireContent';

export function chatCompletionsTools(tools: readonly ToolSpec[]): ChatCompletionFunctionTool[] {
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }));
}

export function chatCompletionsMessage(turn: ChatTurn): ChatCompletionMessageParam {
  if (turn.role === 'tool')
    return { role: 'tool', tool_call_id: turn.callId, content: turn.content };
  if (turn.role === 'user') return chatCompletionsTurn(turn);
  if (!turn.toolCalls?.length) return { role: 'assistant', content: turn.content };
  return {
    role: 'assistant',
    // No text beside the calls: null, as the SDK's type allows (some servers refuse '').
    content: turn.content || null,
    tool_calls: turn.toolCalls.map((call) => ({
      id: call.callId,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    })),
  };
}

interface WireToolCallDelta {
  index?: number;
  id?: string | null;
  function?: { name?: string | null; arguments?: string | null } | null;
}

/** Joins the streamed pieces of each call by its index; `flush` yields the whole calls in order. */
export class ToolCallAssembler {
  private readonly calls = new Map<number, { id: string; name: string; args: string[] }>();

  add(deltas: readonly WireToolCallDelta[] | null | undefined): void {
    for (const delta of deltas ?? []) {
      const index = delta.index ?? this.calls.size;
      let call = this.calls.get(index);
      if (!call) {
        call = { id: '', name: '', args: [] };
        this.calls.set(index, call);
      }
      if (delta.id) call.id = delta.id;
      if (delta.function?.name) call.name += delta.function.name;
      if (delta.function?.arguments) call.args.push(delta.function.arguments);
    }
  }

  flush(out: AdapterEvent[]): void {
    const ordered = [...this.calls.entries()].sort(([a], [b]) => a - b);
    for (const [index, call] of ordered)
      out.push({
        type: 'toolCall',
        callId: call.id || `call_${index}`,
        name: call.name,
        arguments: call.args.join(''),
      });
    this.calls.clear();
  }
}
