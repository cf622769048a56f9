/**
 * Function calls on the Responses wire (openai SDK, resources/responses/responses.d.ts):
 * `tools: FunctionTool[]` ({ type: 'function', name, description, parameters, strict }); the
 * model's call is an output item ResponseFunctionToolCall ({ type: 'function_call', id, call_id,
 * name, arguments }), streamed as response.output_item.added, its arguments as
 * ResponseFunctionCallArgumentsDeltaEvent pieces (by item_id), then response.output_item.done
 * with the whole item. A result goes back as ResponseInputItem.FunctionCallOutput
 * ({ type: 'function_call_output', call_id, output }), after the call's own item.
 */
import type {
  FunctionTool,
  ResponseInputItem,
  ResponseStreamEvent,
} from 'openai/resources/responses/responses';
import type { AdapterEvent, ChatTurn, ToolSpec } from './types';
import { responsesTurn } from './wireContent';

export function responsesTools(tools: readonly ToolSpec[]): FunctionTool[] {
  // strict: false, since MCP schemas are not written to strict mode's rules.
  return tools.map((tool) => ({
    type: 'function',
    name: tool.name,
    description: tool.description,
    parameters: tool.parameters,
    strict: false,
  }));
}

export function responsesInput(turns: readonly ChatTurn[]): ResponseInputItem[] {
  const items: ResponseInputItem[] = [];
  for (const turn of turns) {
    if (turn.role === 'tool') {
      items.push({ type: 'function_call_output', call_id: turn.callId, output: turn.content });
      continue;
    }
    if (turn.role === 'user') {
      items.push(responsesTurn(turn));
      continue;
    }
    if (turn.content) items.push({ role: 'assistant', content: turn.content });
    for (const call of turn.toolCalls ?? [])
      items.push({
        type: 'function_call',
        call_id: call.callId,
        name: call.name,
        arguments: call.arguments,
      });
  }
  return items;
}

interface WireCall {
  type?: string;
  id?: string | null;
  call_id?: string | null;
  name?: string | null;
  arguments?: string | null;
}

/** The calls of one answer: opened by item id, their argument pieces joined, emitted when done. */
export class ResponsesFunctionCalls {
  private readonly open = new Map<string, { callId: string; name: string; args: string[] }>();
  /** Whether any call came: the response then ends as `tool_calls`. */
  called = false;

  take(event: ResponseStreamEvent, out: AdapterEvent[]): void {
    if (event.type === 'response.output_item.added' && event.item.type === 'function_call') {
      const item = event.item as WireCall;
      this.open.set(item.id ?? item.call_id ?? '', {
        callId: item.call_id ?? '',
        name: item.name ?? '',
        args: [],
      });
    } else if (event.type === 'response.function_call_arguments.delta') {
      this.open.get(event.item_id)?.args.push(event.delta);
    } else if (event.type === 'response.output_item.done' && event.item.type === 'function_call') {
      const item = event.item as WireCall;
      const key = item.id ?? item.call_id ?? '';
      const opened = this.open.get(key);
      this.open.delete(key);
      this.emit(item, opened?.args.join('') ?? '', out);
    }
  }

  /** A whole response's function_call items. */
  whole(output: readonly WireCall[] | null | undefined, out: AdapterEvent[]): void {
    for (const item of output ?? []) if (item.type === 'function_call') this.emit(item, '', out);
  }

  private emit(item: WireCall, streamed: string, out: AdapterEvent[]): void {
    this.called = true;
    out.push({
      type: 'toolCall',
      callId: item.call_id ?? item.id ?? '',
      name: item.name ?? '',
      // The done item carries the whole arguments; the streamed pieces are the fallback.
      arguments: typeof item.arguments === 'string' ? item.arguments : streamed,
    });
  }
}
