import type { ChatTurn } from './types';

/**
 * A history with tool steps as plain user/assistant text, for a wire API whose tool calls are not
 * spoken here yet: the model still reads what was called and what came back. Consecutive turns
 * of one role are joined, since those APIs want the roles to alternate.
 */
export function plainTurns(
  turns: readonly ChatTurn[],
): { role: 'user' | 'assistant'; content: string }[] {
  const out: { role: 'user' | 'assistant'; content: string }[] = [];
  for (const turn of turns) {
    const role = turn.role === 'assistant' ? 'assistant' : 'user';
    const content =
      turn.role === 'tool'
        ? `[Result of tool ${turn.name}${turn.isError ? ' (error)' : ''}]\n${turn.content}`
        : turn.role === 'assistant' && turn.toolCalls?.length
          ? [
              turn.content,
              ...turn.toolCalls.map((c) => `[Called tool ${c.name} with ${c.arguments}]`),
            ]
              .filter(Boolean)
              .join('\n')
          : turn.content;
    const last = out.at(-1);
    if (last && last.role === role) last.content += `\n\n${content}`;
    else out.push({ role, content });
  }
  return out;
}

/** What a wire API without tool calls says when a request brings tools. */
export function toolsUnsupported(request: { tools?: unknown[] }, api: string): string | null {
  return request.tools?.length
    ? `Tools are not available on ${api} in this version: turn the conversation's tools off, or use a Chat Completions profile.`
    : null;
}
