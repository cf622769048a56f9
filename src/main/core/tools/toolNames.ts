/**
 * Tool names the model sees: `server__tool`, so two servers' `search` never collide. Providers
 * limit function names to [a-zA-Z0-9_-] and 64 characters (OpenAI's FunctionDefinition.name,
 * openai/resources/shared.d.ts; Anthropic's Tool.name; Gemini's FunctionDeclaration.name), so
 * other characters become `_` and a long name is cut, keeping the names unique.
 */
const SEPARATOR = '__';
const MAX_NAME = 64;

function clean(text: string): string {
  return text.replace(/[^a-zA-Z0-9_-]/g, '_');
}

export function namespacedToolName(
  serverName: string,
  toolName: string,
  taken: Set<string>,
): string {
  const base = `${clean(serverName)}${SEPARATOR}${clean(toolName)}`.slice(0, MAX_NAME);
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base.slice(0, MAX_NAME - 4)}_${n}`;
  taken.add(name);
  return name;
}
