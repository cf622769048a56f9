/** A model's context window and where that figure comes from. */
export interface ContextWindow {
  tokens: number;
  source: string;
}

/** OpenAI's models as gpt-tokenizer lists them (generated from OpenAI's model pages). */
export type OpenAiModelList = Readonly<Record<string, { context_window?: number } | undefined>>;

/**
 * Families whose window the providers document for every model in them, checked after the
 * model list. Sources:
 * - Anthropic: "Models overview", platform.claude.com/docs/en/about-claude/models/overview
 *   (every current Claude model: 200K tokens; the 1M window of Sonnet is a beta header we never
 *   send, so 200K is the window our requests get).
 * - Google: "Gemini models", ai.google.dev/gemini-api/docs/models (input token limit 1,048,576
 *   for Gemini 1.5, 2.0 and 2.5 Pro/Flash/Flash-Lite).
 */
const documentedFamilies: readonly { prefix: string; tokens: number; source: string }[] = [
  {
    prefix: 'claude-',
    tokens: 200_000,
    source: 'Anthropic models overview (platform.claude.com/docs/en/about-claude/models/overview)',
  },
  {
    prefix: 'gemini-',
    tokens: 1_048_576,
    source: 'Gemini models (ai.google.dev/gemini-api/docs/models)',
  },
];

/**
 * The window of `model`, or null when nothing says (a local server's model, a new name): the
 * meter then shows a count without a limit rather than a made-up one.
 */
export function contextWindowFor(
  model: string,
  openAiModels: OpenAiModelList,
): ContextWindow | null {
  const name = modelName(model);
  const listed = openAiModels[name] ?? openAiModels[withoutSnapshotDate(name)];
  if (listed?.context_window)
    return { tokens: listed.context_window, source: 'OpenAI model list (gpt-tokenizer)' };
  const family = documentedFamilies.find((f) => name.startsWith(f.prefix));
  return family ? { tokens: family.tokens, source: family.source } : null;
}

/** A router's `openai/gpt-4o` is OpenAI's `gpt-4o`: the window and tokenizer go with the model. */
export function modelName(model: string): string {
  return model.split('/').pop() ?? model;
}

/** `gpt-4o-2024-08-06` → `gpt-4o`: a dated snapshot has its family's window. */
function withoutSnapshotDate(model: string): string {
  return model.replace(/-\d{4}-\d{2}-\d{2}$/, '');
}
