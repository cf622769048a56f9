/**
 * Function calling on the Gemini wire (@google/genai, dist/genai.d.ts): `tools: [{
 * functionDeclarations: FunctionDeclaration[] }]` ({ name, description, parametersJsonSchema });
 * the model's call is a Part with `functionCall` (FunctionCall: id?, name, args as a JSON
 * object; the Gemini API sends each call whole, its `partialArgs` streaming "is not supported in
 * Gemini API"), and the candidate's finishReason stays STOP. A result goes back as a user turn's
 * Part `functionResponse` (FunctionResponse: id, name, response: { output } or { error }, the
 * keys the SDK's docs give for a result and a failure).
 */
import type { Content, Part, Tool } from '@google/genai';
import { argumentsObject } from './toolArguments';
import type { AdapterEvent, ChatTurn, ToolSpec } from './types';
import { geminiTurn } from './wireContent';

export function geminiTools(tools: readonly ToolSpec[]): Tool[] {
  return [
    {
      functionDeclarations: tools.map((tool) => ({
        name: tool.name,
        description: tool.description,
        parametersJsonSchema: tool.parameters,
      })),
    },
  ];
}

/** The conversation: Gemini's roles are `user` and `model`; results of one step in one turn. */
export function geminiContents(turns: readonly ChatTurn[]): Content[] {
  const out: Content[] = [];
  for (const turn of turns) {
    if (turn.role === 'tool') {
      const response = turn.isError ? { error: turn.content } : { output: turn.content };
      const part: Part = { functionResponse: { id: turn.callId, name: turn.name, response } };
      const last = out.at(-1);
      if (last?.role === 'user' && last.parts?.every((p) => p.functionResponse))
        last.parts.push(part);
      else out.push({ role: 'user', parts: [part] });
      continue;
    }
    if (turn.role === 'user') {
      out.push(geminiTurn(turn));
      continue;
    }
    const parts: Part[] = turn.content ? [{ text: turn.content }] : [];
    for (const call of turn.toolCalls ?? [])
      parts.push({
        functionCall: { id: call.callId, name: call.name, args: argumentsObject(call.arguments) },
      });
    out.push({ role: 'model', parts });
  }
  return out;
}

/** A part's call as an event; Gemini may give no id, so one is made from its place. */
export function geminiCallEvent(part: Part, seen: number): AdapterEvent | null {
  const call = part.functionCall;
  if (!call) return null;
  return {
    type: 'toolCall',
    callId: call.id ?? `gemini_call_${seen + 1}`,
    name: call.name ?? '',
    arguments: JSON.stringify(call.args ?? {}),
  };
}
