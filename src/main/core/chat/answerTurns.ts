import type { MessagePart } from '../../../shared/messageParts';
import type { ChatTurn, ToolCallTurn } from '../providers/types';

type AssistantTurn = Extract<ChatTurn, { role: 'assistant' }>;

/** Said for a call whose result never came (the answer was stopped mid-call). */
export const UNFINISHED_CALL = 'The call did not finish (the answer was stopped).';

/**
 * A stored answer with tool steps as the turns a model expects: each step's text and calls in
 * one assistant turn, then a tool turn per result, then the next step. Every call gets a result
 * turn (the wire APIs refuse a call without one). Thinking and refusals are not sent back.
 */
export function answerTurns(parts: readonly MessagePart[]): ChatTurn[] {
  const turns: ChatTurn[] = [];
  let step: AssistantTurn = { role: 'assistant', content: '' };
  let calls: ToolCallTurn[] = [];
  const results = new Map<string, Extract<MessagePart, { type: 'tool-result' }>>();
  const flush = () => {
    if (calls.length) step.toolCalls = calls;
    if (step.content || calls.length) turns.push(step);
    for (const call of calls) {
      const result = results.get(call.callId);
      turns.push({
        role: 'tool',
        callId: call.callId,
        name: call.name,
        content: result?.content ?? UNFINISHED_CALL,
        isError: result?.isError ?? true,
      });
    }
    step = { role: 'assistant', content: '' };
    calls = [];
  };
  for (const part of parts) {
    const stepDone = calls.length > 0 && calls.every((call) => results.has(call.callId));
    if (part.type === 'text') {
      if (stepDone) flush();
      step.content += part.text;
    } else if (part.type === 'tool-call') {
      if (stepDone) flush();
      calls.push({ callId: part.callId, name: part.name, arguments: part.arguments });
    } else if (part.type === 'tool-result') results.set(part.callId, part);
  }
  flush();
  return turns;
}
