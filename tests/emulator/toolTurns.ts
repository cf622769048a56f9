/** What each dialect's request says of tools: the names offered, the results sent back. */
import type { MessagesBody } from './anthropicDialect';
import type { GeminiBody } from './geminiDialect';
import type { ChatBody } from './openaiDialect';
import { toolPlan, type ToolPlan } from './toolScript';

/** Chat Completions: `tools[].function.name`; results are `tool` messages after the question. */
export function openAIToolPlan(prompt: string, body: ChatBody): ToolPlan | null {
  const messages = body.messages ?? [];
  const lastUser = messages.map((m) => m.role).lastIndexOf('user');
  const after = messages.slice(lastUser + 1);
  const offered = (body.tools ?? []).map((tool) => tool.function?.name ?? '');
  const results = after
    .filter((m) => m.role === 'tool')
    .map((m) => (typeof m.content === 'string' ? m.content : ''));
  const rounds = after.filter((m) => m.role === 'assistant' && m.tool_calls?.length).length;
  return toolPlan(prompt, offered, results, rounds);
}

/** Anthropic: `tools[].name`; results are tool_result blocks in user turns after the question. */
export function anthropicToolPlan(prompt: string, body: MessagesBody): ToolPlan | null {
  const messages = body.messages ?? [];
  const blocks = (m: (typeof messages)[number]) => (typeof m.content === 'string' ? [] : m.content);
  const isQuestion = (m: (typeof messages)[number]) =>
    m.role === 'user' && !blocks(m).some((b) => b.type === 'tool_result');
  const lastQuestion = messages.findLastIndex(isQuestion);
  const after = messages.slice(lastQuestion + 1);
  const results = after.flatMap((m) =>
    blocks(m)
      .filter((b) => b.type === 'tool_result')
      .map((b) =>
        typeof b.content === 'string'
          ? b.content
          : (b.content ?? []).map((c) => c.text ?? '').join(''),
      ),
  );
  const rounds = after.filter(
    (m) => m.role === 'assistant' && blocks(m).some((b) => b.type === 'tool_use'),
  ).length;
  return toolPlan(
    prompt,
    (body.tools ?? []).map((tool) => tool.name),
    results,
    rounds,
  );
}

/** The question: the last user turn that is not only tool results. */
export function anthropicQuestion(
  body: MessagesBody,
): MessagesBody['messages'] extends (infer M)[] | undefined ? M | undefined : never {
  return (body.messages ?? []).findLast(
    (m) =>
      m.role === 'user' &&
      (typeof m.content === 'string' || m.content.some((b) => b.type === 'text')),
  );
}

/** Gemini: functionDeclarations' names; results are functionResponse parts after the question. */
export function geminiToolPlan(prompt: string, body: GeminiBody): ToolPlan | null {
  const turns = body.contents ?? [];
  const isQuestion = (turn: (typeof turns)[number]) =>
    turn.role !== 'model' && (turn.parts ?? []).some((part) => part.text);
  const after = turns.slice(turns.findLastIndex(isQuestion) + 1);
  const results = after.flatMap((turn) =>
    (turn.parts ?? []).flatMap((part) => {
      const response = part.functionResponse?.response;
      return response ? [String(response.output ?? response.error ?? '')] : [];
    }),
  );
  const rounds = after.filter((turn) =>
    (turn.parts ?? []).some((part) => part.functionCall),
  ).length;
  const offered = (body.tools ?? []).flatMap((tool) =>
    (tool.functionDeclarations ?? []).map((f) => f.name ?? ''),
  );
  return toolPlan(prompt, offered, results, rounds);
}
