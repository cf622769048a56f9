/**
 * How hard a reasoning model thinks before it answers, one scale for every provider. Each
 * provider module maps it to its own control (OpenAI `reasoning_effort` / Responses
 * `reasoning.effort`, Anthropic's thinking budget or effort, Gemini's thinking budget or level);
 * absent means the provider's own default, and nothing is sent.
 */
export const reasoningEfforts = ['minimal', 'low', 'medium', 'high'] as const;
export type ReasoningEffort = (typeof reasoningEfforts)[number];
