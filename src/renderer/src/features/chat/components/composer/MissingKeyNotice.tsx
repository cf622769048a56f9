import { profileCanCall, type ProfileView } from '../../../../../../shared/profiles';
import { useComposerSettings } from '../../store/composerSettings';
import { useSettingsRequest, useSettingsStore } from '../../../settings';
import { shownPick } from '../conversation/pickLabel';
import { useTranslation } from '../../../../lib/i18n';

/** The picked profile when it needs an API key it does not have, else null. */
export function useMissingKey(): ProfileView | null {
  const profiles = useSettingsStore((s) => s.snapshot?.profiles);
  const profileId = useComposerSettings((s) => s.profileId);
  const model = useComposerSettings((s) => s.model);
  const pick = shownPick({ profileId, model }, profiles ?? []);
  return pick && !profileCanCall(pick.view) ? pick.view : null;
}

/** Said instead of sending: nothing goes out without a key; the button opens that profile. */
export function MissingKeyNotice({ view }: { view: ProfileView }) {
  const { t } = useTranslation('chat');
  const openSettings = useSettingsRequest((s) => s.openSettings);
  return (
    <div
      role="alert"
      className="mb-2 flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <span className="flex-1">{t('missingKey', { profile: view.name })}</span>
      <button
        type="button"
        className="rounded-md bg-amber-600 px-3 py-1 text-sm font-medium text-white hover:bg-amber-500"
        onClick={() => openSettings({ pane: 'profile', profileId: view.id })}
      >
        {t('addApiKey')}
      </button>
    </div>
  );
}
