import { wireApiLabels, type WireApi } from '../../../../../shared/wireApi';
import { SelectField } from './Field';
import { useTranslation } from '../../../lib/i18n';

/**
 * The profile's "API": which of OpenAI's two wire APIs its chats use. Automatic is what
 * wireApiFor decides: Responses on api.openai.com, Chat Completions on any other server.
 */
export function WireApiField({
  value,
  onChange,
}: {
  value: WireApi | '';
  onChange: (value: WireApi | '') => void;
}) {
  const { t } = useTranslation('settings');
  const options: { value: WireApi | ''; label: string }[] = [
    { value: '', label: t('profile.wireApiAuto') },
    { value: 'chat', label: wireApiLabels.chat },
    { value: 'responses', label: wireApiLabels.responses },
  ];
  return (
    <div>
      <SelectField
        label={t('profile.wireApi')}
        value={value}
        options={options}
        onChange={onChange}
      />
      <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{t('profile.wireApiHint')}</p>
    </div>
  );
}
