/**
 * Function calls in the Responses dialect (openai SDK, resources/responses/responses.d.ts):
 * output items `ResponseFunctionToolCall` ({ type: 'function_call', id, call_id, name,
 * arguments, status }), streamed as response.output_item.added, then
 * response.function_call_arguments.delta pieces and .done, then response.output_item.done.
 */
import { argumentPieces, toolPlan, type PlannedToolCall, type ToolPlan } from './toolScript';

export interface ResponsesInputItem {
  type?: string;
  role?: string;
  content?: string | { text?: string }[];
  call_id?: string;
  output?: string;
}

export function functionCallItem(call: PlannedToolCall, status = 'completed') {
  return {
    type: 'function_call',
    id: `fc_${call.id}`,
    call_id: call.id,
    name: call.name,
    arguments: call.arguments,
    status,
  };
}

/** Tools offered as `tools[].name`; results as function_call_output items after the question. */
export function responsesToolPlan(
  prompt: string,
  input: ResponsesInputItem[],
  tools: { name?: string }[] | undefined,
): ToolPlan | null {
  const isQuestion = (item: ResponsesInputItem) =>
    (item.type ?? 'message') === 'message' && item.role === 'user';
  const after = input.slice(input.findLastIndex(isQuestion) + 1);
  const results = after
    .filter((item) => item.type === 'function_call_output')
    .map((item) => item.output ?? '');
  // One round per step: the calls of one answer all come before its outputs.
  let rounds = 0;
  for (const [i, item] of after.entries())
    if (item.type === 'function_call' && after[i - 1]?.type !== 'function_call') rounds++;
  return toolPlan(
    prompt,
    (tools ?? []).map((tool) => tool.name ?? ''),
    results,
    rounds,
  );
}

type Send = (type: string, fields: Record<string, unknown>) => Promise<void>;

export async function streamFunctionCalls(
  calls: PlannedToolCall[],
  first: number,
  send: Send,
): Promise<void> {
  for (const [n, call] of calls.entries()) {
    const output_index = first + n;
    const item = functionCallItem(call, 'in_progress');
    await send('response.output_item.added', { output_index, item: { ...item, arguments: '' } });
    for (const delta of argumentPieces(call.arguments))
      await send('response.function_call_arguments.delta', {
        item_id: item.id,
        output_index,
        delta,
      });
    await send('response.function_call_arguments.done', {
      item_id: item.id,
      output_index,
      arguments: call.arguments,
    });
    await send('response.output_item.done', { output_index, item: functionCallItem(call) });
  }
}
