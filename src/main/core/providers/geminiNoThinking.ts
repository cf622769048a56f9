import type { ProviderTarget } from './types';

/**
 * The models that refused a thinkingConfig (400 "Thinking is not enabled for …"), per profile and
 * base URL: a name takesReasoningEffort reads as a thinking model (gemini-2.5-flash-image, a
 * gateway's alias) that does not think. Remembered for the process's life, so only the first call
 * to such a model pays for the refused request; bounded, the oldest entry dropped first, so a
 * person trying many names cannot grow it without end.
 */
const MAX_ENTRIES = 256;
const refused = new Set<string>();

function keyOf(target: ProviderTarget, model: string): string {
  return JSON.stringify([target.profile.id, target.profile.baseUrl ?? '', model]);
}

export function refusedThinking(target: ProviderTarget, model: string): boolean {
  return refused.has(keyOf(target, model));
}

export function rememberRefusedThinking(target: ProviderTarget, model: string): void {
  const key = keyOf(target, model);
  refused.delete(key);
  refused.add(key);
  while (refused.size > MAX_ENTRIES) {
    const oldest = refused.values().next().value;
    if (oldest === undefined) break;
    refused.delete(oldest);
  }
}

/** How many models are remembered (the bound's test). */
export function refusedThinkingCount(): number {
  return refused.size;
}
