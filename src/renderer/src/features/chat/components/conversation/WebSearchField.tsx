import { useEffect } from 'react';
import type { ProfileView } from '../../../../../../shared/profiles';
import { searchProviderLabels } from '../../../../../../shared/searchChannels';
import { useTranslation } from '../../../../lib/i18n';
import { useSearchSettings } from '../../../settings';
import { useComposerSettings } from '../../store/composerSettings';

/**
 * Web search for this chat: the provider's own search tool where the profile offers one (OpenAI
 * Responses, Anthropic, Gemini), else the search provider of Settings › Web search as the
 * built-in web_search tool (every provider type takes tools), shown once one is ready.
 */
export function WebSearchField({ view }: { view: ProfileView | undefined }) {
  const webSearch = useComposerSettings((s) => s.webSearch);
  const setValues = useComposerSettings((s) => s.setValues);
  const search = useSearchSettings((s) => s.snapshot);
  const loadSearch = useSearchSettings((s) => s.load);
  const { t } = useTranslation('chat');
  const { t: ts } = useTranslation('search');
  useEffect(() => {
    if (!useSearchSettings.getState().snapshot) void loadSearch();
  }, [loadSearch]);
  const settings = search?.ready ? search.settings : null;
  const viaTool =
    !!settings &&
    settings.provider !== 'none' &&
    (!view?.offersWebSearch || settings.preferOverNative);
  if (!view || (!view.offersWebSearch && !viaTool)) return null;
  const tip =
    viaTool && settings.provider !== 'none'
      ? ts('fieldTip', { provider: searchProviderLabels[settings.provider] })
      : t('webSearch.tip');
  return (
    <label
      className="flex items-center gap-2 font-medium text-zinc-700 dark:text-zinc-300"
      title={tip}
    >
      <input
        type="checkbox"
        checked={webSearch}
        onChange={(e) => setValues({ webSearch: e.target.checked })}
      />
      {t('webSearch.label')}
    </label>
  );
}
