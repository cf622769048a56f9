import { Trans, useTranslation } from '../../../lib/i18n';
/** Anthropic prompt caching for one profile: on by default, off for servers that refuse it. */
export function PromptCachingSwitch({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation('settings');
  return (
    <div className="space-y-1">
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        {t('profile.promptCaching')}
      </label>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        <Trans t={t} i18nKey="profile.promptCachingHint" components={{ code: <code /> }} />
      </p>
    </div>
  );
}
