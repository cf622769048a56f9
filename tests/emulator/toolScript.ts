import { parseDirectives } from './script';

/**
 * Tool calls scripted from the prompt, for every dialect:
 *   tool=NAME            answer the first time with a call to the offered tool whose name is NAME
 *                        or ends in `__NAME` (an MCP tool, namespaced); a name not offered is
 *                        called as it is (the client must say there is no such tool)
 *   tool_args=JSON       its arguments, written without spaces ({"a":2,"b":40}); not checked, so
 *                        `tool_args=oops` sends arguments that are not JSON
 *   tool_count=N         N calls in the one answer (parallel calls), ids call_emu_1…N
 *   tool_rounds=N        keep calling after each result, N answers with calls in all
 * Once the request carries the results of the calls (and the rounds are done), the answer is
 * text that quotes them: "Tool said: …", so a test can see the result went back.
 */
export interface PlannedToolCall {
  id: string;
  name: string;
  arguments: string;
}

export type ToolPlan =
  { kind: 'calls'; calls: PlannedToolCall[] } | { kind: 'answer'; text: string };

export function toolPlan(
  prompt: string,
  offered: readonly string[],
  results: readonly string[],
  rounds: number,
): ToolPlan | null {
  const d = parseDirectives(prompt);
  // No tools offered (a chat with its tools off): a plain answer, as a model would give.
  if (!d.tool || offered.length === 0) return null;
  const wanted = Number(d.tool_rounds ?? 1);
  if (rounds >= wanted) return { kind: 'answer', text: `Tool said: ${results.join(' | ')}` };
  const name = offered.find((n) => n === d.tool || n.endsWith(`__${d.tool}`)) ?? d.tool;
  const count = Math.max(1, Number(d.tool_count ?? 1));
  const calls: PlannedToolCall[] = [];
  for (let i = 1; i <= count; i++)
    calls.push({ id: `call_emu_${rounds + 1}_${i}`, name, arguments: d.tool_args ?? '{}' });
  return { kind: 'calls', calls };
}

/** Arguments cut in pieces of a few characters, as models stream them. */
export function argumentPieces(text: string, size = 4): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces.length ? pieces : [''];
}
