import { profileCanCall, type ChatPick, type ProfileView } from '../../../shared/profiles';
import type { PreferencesStore } from '../preferences/PreferencesStore';

const KEY = 'lastPick';

/** The profile and model of the last message sent, so a new chat starts where the person left. */
export class PickMemory {
  constructor(private readonly prefs: PreferencesStore) {}

  last(): ChatPick | null {
    const stored = this.prefs.get(KEY);
    if (!stored || typeof stored !== 'object') return null;
    const { profileId, model } = stored as Record<string, unknown>;
    return typeof profileId === 'string' && typeof model === 'string' ? { profileId, model } : null;
  }

  remember(pick: ChatPick): void {
    this.prefs.set(KEY, pick);
  }

  /** Setting a default (or importing a server) is a choice: it wins over the last pick. */
  forget(): void {
    this.prefs.set(KEY, null);
  }
}

/**
 * Where a new chat starts: the last pick, else the default profile, else the first profile. A
 * profile that cannot call (no key) is passed over while another one can.
 */
export function chooseStartPick(
  views: ProfileView[],
  defaultId: string | null,
  last: ChatPick | null,
): ChatPick | null {
  const lastView = last ? views.find((v) => v.id === last.profileId) : undefined;
  const defaultView = views.find((v) => v.id === defaultId);
  const candidates = [lastView, defaultView, ...views].filter(
    (v): v is ProfileView => v !== undefined,
  );
  const chosen = candidates.find(profileCanCall) ?? candidates[0];
  if (!chosen) return null;
  const model = chosen === lastView && last ? last.model : chosen.effectiveModel;
  return { profileId: chosen.id, model };
}
