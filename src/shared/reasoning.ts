/**
 * How hard a reasoning model thinks before it answers, one scale for every provider. Each
 * provider module maps it to its own control (OpenAI `reasoning_effort` / Responses
 * `reasoning.effort`, Anthropic's thinking budget or effort, Gemini's thinking budget or level);
 * absent means the provider's own default, and nothing is sent.
 */
export const reasoningEfforts = ['minimal', 'low', 'medium', 'high'] as const;
export type ReasoningEffort = (typeof reasoningEfforts)[number];

/**
 * How a Claude model takes the effort (docs/ENGINE.md, "Reasoning effort", cites each list):
 * - 'budget': manual extended thinking, `thinking: {type: 'enabled', budget_tokens}` — the
 *   models of Anthropic's extended-thinking-models page that have no adaptive thinking;
 * - 'adaptive': `thinking: {type: 'adaptive'}` with `output_config.effort` — Opus and Sonnet
 *   4.6 (where budgets are deprecated), and Opus 4.7 / 4.8 and the Claude 5 models, which
 *   refuse budgets with a 400 (thinking-troubleshooting);
 * - 'effort': `output_config.effort` alone — Fable and Mythos, whose thinking is always on
 *   (the effort docs list all of these models as taking `output_config.effort`);
 * - null: no control (Claude 3.5 and older, unknown ids).
 */
export type AnthropicThinkingMode = 'budget' | 'adaptive' | 'effort';

const anthropicFamilies: Readonly<Record<AnthropicThinkingMode, readonly string[]>> = {
  budget: [
    'claude-3-7-sonnet',
    'claude-sonnet-4',
    'claude-sonnet-4-0',
    'claude-sonnet-4-5',
    'claude-opus-4',
    'claude-opus-4-0',
    'claude-opus-4-1',
    'claude-opus-4-5',
    'claude-haiku-4-5',
  ],
  adaptive: [
    'claude-sonnet-4-6',
    'claude-opus-4-6',
    'claude-opus-4-7',
    'claude-opus-4-8',
    'claude-opus-5',
    'claude-opus-5-5',
    'claude-sonnet-5',
    'claude-sonnet-5-5',
    'claude-haiku-5-5',
  ],
  effort: ['claude-fable-5', 'claude-fable-5-1', 'claude-mythos-5', 'claude-mythos-5-1'],
};

const modes = ['budget', 'adaptive', 'effort'] as const;

/** Lower case, without a router's vendor prefix ("anthropic/…", "models/…"). */
function bareModelId(model: string): string {
  return model
    .trim()
    .toLowerCase()
    .replace(/^(openai|anthropic|google|models)\//, '');
}

export function anthropicThinkingMode(model: string): AnthropicThinkingMode | null {
  const id = bareModelId(model);
  // The family itself or one of its snapshots (claude-opus-4-20250514, …-latest), so that
  // claude-opus-4 never matches claude-opus-4-7.
  const inFamily = (family: string) =>
    id === family || new RegExp(`^${family}-(\\d{8}|latest)$`).test(id);
  return modes.find((mode) => anthropicFamilies[mode].some(inFamily)) ?? null;
}

/**
 * True when a model of this provider type takes a reasoning-effort control, so the chat settings
 * show the choice and the adapter sends it; every other model gets nothing extra on the wire.
 * Pure and by name, since no provider's model list says which models reason (docs/ENGINE.md,
 * "Reasoning effort", cites each family):
 * - OpenAI and Azure OpenAI: the o1, o3 and o4 families and gpt-5 (`reasoning_effort`), but not
 *   o1-mini / o1-preview (which never took it) nor gpt-5-chat (not a reasoning model).
 * - Anthropic: every model anthropicThinkingMode knows.
 * - Gemini: 2.5 and later (thinking budget / level).
 */
export function takesReasoningEffort(providerType: string, model: string): boolean {
  const id = bareModelId(model);
  switch (providerType) {
    case 'openai':
    case 'azure':
      if (/^o1-(mini|preview)/.test(id)) return false;
      if (/^gpt-5(\.\d+)?-chat/.test(id)) return false;
      return /^(o1|o3|o4-mini|o4)(-|$)/.test(id) || /^gpt-5(\.\d+)?(-|$)/.test(id);
    case 'anthropic':
      return anthropicThinkingMode(id) !== null;
    case 'gemini':
      return /^gemini-(2\.5|[3-9])(\.\d+)?-/.test(id);
    default:
      return false;
  }
}
