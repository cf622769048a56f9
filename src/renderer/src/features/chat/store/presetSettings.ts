import type { ChatParameters } from '../../../../../shared/conversations';
import { useComposerSettings } from './composerSettings';

/** What a preset sets in a new chat (and what "save as preset" reads back). */
export interface ChatSetup {
  profileId: string | null;
  model: string | null;
  systemPrompt: string | null;
  parameters: ChatParameters;
}

/**
 * Puts a preset into the composer's settings, as if picked and typed: the panel shows it
 * (revision bumped) and the next send makes it the conversation's.
 */
export function applyChatSetup(setup: ChatSetup): void {
  const current = useComposerSettings.getState();
  const p = setup.parameters;
  useComposerSettings.setState({
    ...(setup.profileId && setup.model
      ? { profileId: setup.profileId, model: setup.model, picked: true }
      : {}),
    systemPrompt: setup.systemPrompt ?? '',
    temperature: p.temperature ?? null,
    topP: p.topP ?? null,
    maxTokens: p.maxTokens ?? null,
    reasoningEffort: p.reasoningEffort ?? null,
    stream: p.stream ?? true,
    // A preset may name knowledge collections: a chat made from it searches them.
    knowledge: p.knowledge ?? [],
    revision: current.revision + 1,
  });
}

/** The composer's settings now, as a preset would keep them. */
export function currentChatSetup(): ChatSetup {
  const s = useComposerSettings.getState();
  return {
    profileId: s.profileId,
    model: s.model,
    systemPrompt: s.systemPrompt.trim() ? s.systemPrompt : null,
    parameters: {
      ...(s.temperature !== null ? { temperature: s.temperature } : {}),
      ...(s.topP !== null ? { topP: s.topP } : {}),
      ...(s.maxTokens !== null ? { maxTokens: s.maxTokens } : {}),
      ...(s.reasoningEffort !== null ? { reasoningEffort: s.reasoningEffort } : {}),
      ...(s.stream ? {} : { stream: false }),
      ...(s.knowledge.length ? { knowledge: [...s.knowledge] } : {}),
    },
  };
}
