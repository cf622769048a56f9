import type { ProfileView } from '../../../../../../shared/profiles';
import { useSettingsStore } from '../../../settings';
import { useComposerSettings } from '../../store/composerSettings';
import { shownPick } from '../conversation/pickLabel';

/** The profile and model the next message goes to, as the header shows them (null before profiles load). */
export function usePickedProfile(): { view: ProfileView; model: string } | null {
  const profiles = useSettingsStore((s) => s.snapshot?.profiles);
  const profileId = useComposerSettings((s) => s.profileId);
  const model = useComposerSettings((s) => s.model);
  return shownPick({ profileId, model }, profiles ?? []);
}
