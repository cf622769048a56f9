import type { ProfileView } from '../../../../../../shared/profiles';

/** How a pick is named everywhere (selector, its options, answers): "gpt-4o-mini · OpenAI". */
export function pickLabel(model: string, view: Pick<ProfileView, 'name'>): string {
  return `${model || 'no model set'} · ${view.name}`;
}

/**
 * The pick as it will be sent: the chosen profile (or the default one, which main uses when
 * none is chosen) and its model (or that profile's default model).
 */
export function shownPick(
  settings: { profileId: string | null; model: string | null },
  profiles: ProfileView[],
): { view: ProfileView; model: string } | null {
  const view =
    profiles.find((p) => p.id === settings.profileId) ??
    profiles.find((p) => p.isDefault) ??
    profiles[0];
  if (!view) return null;
  const own = view.id === settings.profileId;
  return { view, model: (own ? settings.model : null) ?? view.effectiveModel };
}
