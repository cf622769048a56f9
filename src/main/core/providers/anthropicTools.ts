/**
 * Tools on the Anthropic Messages wire (@anthropic-ai/sdk, resources/messages/messages.d.ts):
 * `tools: Tool[]` ({ name, description, input_schema }); the model's call is a ToolUseBlock
 * ({ type: 'tool_use', id, name, input }) and its stop_reason 'tool_use'; streamed, the block
 * opens with content_block_start (input {}), its JSON comes as InputJSONDelta pieces
 * ({ type: 'input_json_delta', partial_json }) and content_block_stop closes it. Results go back
 * in one user turn of ToolResultBlockParam ({ type: 'tool_result', tool_use_id, content,
 * is_error }).
 */
import type {
  ContentBlockParam,
  MessageParam,
  RawMessageStreamEvent,
  Tool,
} from '@anthropic-ai/sdk/resources/messages';
import { argumentsObject } from './toolArguments';
import type { AdapterEvent, ChatTurn, ToolSpec } from './types';
import { anthropicTurn } from './wireContent';

export function anthropicTools(tools: readonly ToolSpec[]): Tool[] {
  return tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    input_schema: { type: 'object', ...tool.parameters },
  }));
}

/** The history as Messages turns: tool results of one step together in one user turn. */
export function anthropicMessages(turns: readonly ChatTurn[]): MessageParam[] {
  const out: MessageParam[] = [];
  for (const turn of turns) {
    if (turn.role === 'tool') {
      const block: ContentBlockParam = {
        type: 'tool_result',
        tool_use_id: turn.callId,
        content: turn.content,
        is_error: turn.isError,
      };
      const last = out.at(-1);
      // Only onto a turn of results: a question's own blocks (images) are not a tool step's.
      if (isResultsTurn(last)) last.content.push(block);
      else out.push({ role: 'user', content: [block] });
    } else if (turn.role === 'assistant' && turn.toolCalls?.length) {
      const content: ContentBlockParam[] = turn.content
        ? [{ type: 'text', text: turn.content }]
        : [];
      for (const call of turn.toolCalls)
        content.push({
          type: 'tool_use',
          id: call.callId,
          name: call.name,
          input: argumentsObject(call.arguments),
        });
      out.push({ role: 'assistant', content });
    } else if (turn.role === 'user') out.push(anthropicTurn(turn));
    else out.push({ role: turn.role, content: turn.content });
  }
  return out;
}

function isResultsTurn(
  turn: MessageParam | undefined,
): turn is MessageParam & { content: ContentBlockParam[] } {
  return (
    turn?.role === 'user' &&
    Array.isArray(turn.content) &&
    turn.content.every((block) => block.type === 'tool_result')
  );
}

/** The tool_use blocks of a stream, by block index, each emitted whole when its block stops. */
export class AnthropicToolBlocks {
  private readonly open = new Map<number, { id: string; name: string; json: string[] }>();

  take(event: RawMessageStreamEvent, out: AdapterEvent[]): void {
    if (event.type === 'content_block_start' && event.content_block.type === 'tool_use') {
      this.open.set(event.index, {
        id: event.content_block.id,
        name: event.content_block.name,
        json: [],
      });
    } else if (event.type === 'content_block_delta' && event.delta.type === 'input_json_delta') {
      this.open.get(event.index)?.json.push(event.delta.partial_json);
    } else if (event.type === 'content_block_stop') {
      const block = this.open.get(event.index);
      if (!block) return;
      this.open.delete(event.index);
      out.push({
        type: 'toolCall',
        callId: block.id,
        name: block.name,
        arguments: block.json.join(''),
      });
    }
  }
}
