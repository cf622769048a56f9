/** What each dialect's request says of tools: the names offered, the results sent back. */
import type { ChatBody } from './openaiDialect';
import { toolPlan, type ToolPlan } from './toolScript';

/** Chat Completions: `tools[].function.name`; results are `tool` messages after the question. */
export function openAIToolPlan(prompt: string, body: ChatBody): ToolPlan | null {
  const messages = body.messages ?? [];
  const lastUser = messages.map((m) => m.role).lastIndexOf('user');
  const after = messages.slice(lastUser + 1);
  const offered = (body.tools ?? []).map((tool) => tool.function?.name ?? '');
  const results = after.filter((m) => m.role === 'tool').map((m) => m.content ?? '');
  const rounds = after.filter((m) => m.role === 'assistant' && m.tool_calls?.length).length;
  return toolPlan(prompt, offered, results, rounds);
}
