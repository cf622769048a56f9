import { useGeneralPreferences, type FontSize, type SendKey } from '../store/generalPreferences';
import { isMac, keyName } from '../../../lib/platform';
import { useTranslation } from '../../../lib/i18n';
import {
  languageChoices,
  languageNames,
  matchSystemLanguage,
  type LanguageChoice,
} from '../../../../../shared/locales/languages';
import { ShortcutTable } from './ShortcutTable';

const fontSizes: FontSize[] = ['small', 'medium', 'large'];

/** The language picker: each language named in itself, so anyone can find their own. */
function LanguageField() {
  const { t } = useTranslation('settings');
  const language = useGeneralPreferences((s) => s.language);
  const setLanguage = useGeneralPreferences((s) => s.setLanguage);
  const system = languageNames[matchSystemLanguage(navigator.languages ?? [])];
  const label = (choice: LanguageChoice) =>
    choice === 'system' ? t('general.languageSystem', { language: system }) : languageNames[choice];
  return (
    <label className="field-label w-64">
      {t('general.language')}
      <select
        className="field"
        value={language}
        onChange={(e) => setLanguage(e.target.value as LanguageChoice)}
      >
        {languageChoices.map((choice) => (
          <option key={choice} value={choice} lang={choice === 'system' ? undefined : choice}>
            {label(choice)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Settings › General: the language, how the message box sends, the text size, the shortcuts. */
export function GeneralPane() {
  const { t } = useTranslation('settings');
  const sendKey = useGeneralPreferences((s) => s.sendKey);
  const fontSize = useGeneralPreferences((s) => s.fontSize);
  const setSendKey = useGeneralPreferences((s) => s.setSendKey);
  const setFontSize = useGeneralPreferences((s) => s.setFontSize);
  const sendKeys: { value: SendKey; label: string }[] = [
    { value: 'enter', label: t('general.enterSends') },
    {
      value: 'ctrlEnter',
      label: t('general.modEnterSends', { modifier: isMac ? '⌘' : `${keyName('ctrl')}+` }),
    },
  ];
  return (
    <div className="flex flex-col gap-5 pb-6 text-sm">
      <LanguageField />
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1 font-medium text-zinc-700 dark:text-zinc-300">
          {t('general.sendKey')}
        </legend>
        {sendKeys.map((option) => (
          <label key={option.value} className="flex items-center gap-2">
            <input
              type="radio"
              name="send-key"
              value={option.value}
              checked={sendKey === option.value}
              onChange={() => setSendKey(option.value)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <label className="field-label w-48">
        {t('general.fontSize')}
        <select
          className="field"
          value={fontSize}
          onChange={(e) => setFontSize(e.target.value as FontSize)}
        >
          {fontSizes.map((size) => (
            <option key={size} value={size}>
              {t(`general.${size}`)}
            </option>
          ))}
        </select>
      </label>
      <section aria-labelledby="shortcuts-heading">
        <h4 id="shortcuts-heading" className="mb-1 font-medium text-zinc-700 dark:text-zinc-300">
          {t('general.shortcuts')}
        </h4>
        <ShortcutTable />
      </section>
    </div>
  );
}
