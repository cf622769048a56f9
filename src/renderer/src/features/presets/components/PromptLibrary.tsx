import { useState } from 'react';
import { usePresetsStore } from '../store/presetsStore';
import { Trans, useTranslation } from '../../../lib/i18n';

/** Saved prompts: inserted by typing `/` in the composer; `{{name}}` marks a variable. */
export function PromptLibrary() {
  const { t } = useTranslation('presets');
  const prompts = usePresetsStore((s) => s.prompts);
  const savePrompt = usePresetsStore((s) => s.savePrompt);
  const removePrompt = usePresetsStore((s) => s.removePrompt);
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  return (
    <section aria-label={t('library.title')} className="mt-5">
      <h3 className="text-sm font-semibold">{t('library.title')}</h3>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        <Trans t={t} i18nKey="library.hint" components={{ kbd: <kbd /> }} />{' '}
        {t('library.variables', {
          builtins: '{{selection}}, {{date}}, {{clipboard}}',
          custom: '{{name}}',
        })}
      </p>
      <ul className="mt-2 flex flex-col gap-1">
        {prompts.map((prompt) => (
          <li key={prompt.id} className="flex items-center gap-2 text-sm">
            <span className="font-medium">{prompt.name}</span>
            <span className="min-w-0 flex-1 truncate text-xs text-zinc-600 dark:text-zinc-400">
              {prompt.text}
            </span>
            <button
              type="button"
              className="action-button"
              aria-label={t('library.deleteNamed', { name: prompt.name })}
              onClick={() => void removePrompt(prompt.id)}
            >
              {t('delete')}
            </button>
          </li>
        ))}
      </ul>
      <form
        aria-label={t('library.new')}
        className="mt-2 flex flex-col gap-2 text-sm"
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim() || !text.trim()) return;
          void savePrompt({ name, text }).then((saved) => {
            if (saved) {
              setName('');
              setText('');
            }
          });
        }}
      >
        <input
          aria-label={t('library.name')}
          placeholder={t('form.name')}
          className="rounded border border-zinc-300 px-2 py-1 dark:border-zinc-700 dark:bg-zinc-950"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <textarea
          aria-label={t('library.text')}
          placeholder={t('library.example', {
            selection: '{{selection}}',
            language: '{{language}}',
          })}
          rows={2}
          className="rounded border border-zinc-300 px-2 py-1 dark:border-zinc-700 dark:bg-zinc-950"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button
          type="submit"
          className="action-button self-end"
          disabled={!name.trim() || !text.trim()}
        >
          {t('library.add')}
        </button>
      </form>
    </section>
  );
}
