/**
 * How hard a reasoning model thinks before it answers, one scale for every provider. Each
 * provider module maps it to its own control (OpenAI `reasoning_effort` / Responses
 * `reasoning.effort`, Anthropic's thinking budget or effort, Gemini's thinking budget or level);
 * absent means the provider's own default, and nothing is sent.
 */
export const reasoningEfforts = ['minimal', 'low', 'medium', 'high'] as const;
export type ReasoningEffort = (typeof reasoningEfforts)[number];

/**
 * True when a model of this provider type takes a reasoning-effort control, so the chat settings
 * show the choice and the adapter sends it; every other model gets nothing extra on the wire.
 * Pure and by name, since no provider's model list says which models reason (docs/ENGINE.md,
 * "Reasoning effort", cites each family):
 * - OpenAI and Azure OpenAI: the o1, o3 and o4 families and gpt-5 (`reasoning_effort`), but not
 *   o1-mini / o1-preview (which never took it) nor gpt-5-chat (not a reasoning model).
 * - Anthropic: the models Anthropic's extended-thinking-models page lists for manual extended
 *   thinking (`thinking.budget_tokens`): Claude 3.7 Sonnet, Sonnet 4 / 4.5 / 4.6, Opus 4 / 4.1 /
 *   4.5 / 4.6, Haiku 4.5. Opus 4.7, 4.8 and the Claude 5 models reject `type: "enabled"` with a
 *   400 (thinking-troubleshooting), so they are left out until adaptive thinking is mapped.
 * - Gemini: 2.5 and later (thinking budget / level).
 */
export function takesReasoningEffort(providerType: string, model: string): boolean {
  const id = model
    .trim()
    .toLowerCase()
    .replace(/^(openai|anthropic|google|models)\//, '');
  switch (providerType) {
    case 'openai':
    case 'azure':
      if (/^o1-(mini|preview)/.test(id)) return false;
      if (/^gpt-5(\.\d+)?-chat/.test(id)) return false;
      return /^(o1|o3|o4-mini|o4)(-|$)/.test(id) || /^gpt-5(\.\d+)?(-|$)/.test(id);
    case 'anthropic':
      // The family itself or one of its snapshots (claude-opus-4-20250514, …-latest), so that
      // claude-opus-4 never matches claude-opus-4-7.
      return ANTHROPIC_BUDGET_MODELS.some(
        (family) => id === family || new RegExp(`^${family}-(\\d{8}|latest)$`).test(id),
      );
    case 'gemini':
      return /^gemini-(2\.5|[3-9])(\.\d+)?-/.test(id);
    default:
      return false;
  }
}

/** Claude models whose thinking takes a token budget (`thinking: {type: 'enabled'}`). */
const ANTHROPIC_BUDGET_MODELS = [
  'claude-3-7-sonnet',
  'claude-sonnet-4',
  'claude-sonnet-4-0',
  'claude-sonnet-4-5',
  'claude-sonnet-4-6',
  'claude-opus-4',
  'claude-opus-4-0',
  'claude-opus-4-1',
  'claude-opus-4-5',
  'claude-opus-4-6',
  'claude-haiku-4-5',
] as const;
