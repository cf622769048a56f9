import type { ProfileView } from '../../../../../../shared/profiles';
import { useTranslation } from '../../../../lib/i18n';
import { useComposerSettings } from '../../store/composerSettings';

/**
 * The provider's own web search tool for this chat, shown only where the profile offers one
 * (OpenAI Responses, Anthropic, Gemini); Chat Completions servers get nothing to switch.
 */
export function WebSearchField({ view }: { view: ProfileView | undefined }) {
  const webSearch = useComposerSettings((s) => s.webSearch);
  const setValues = useComposerSettings((s) => s.setValues);
  const { t } = useTranslation('chat');
  if (!view?.offersWebSearch) return null;
  return (
    <label
      className="flex items-center gap-2 font-medium text-zinc-700 dark:text-zinc-300"
      title={t('webSearch.tip')}
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
