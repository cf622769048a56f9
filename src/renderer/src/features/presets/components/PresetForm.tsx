import { useState } from 'react';
import type { Preset } from '../../../../../shared/presets';
import { useTranslation } from '../../../lib/i18n';

type Draft = Omit<Preset, 'id'> & { id?: string };

const field =
  'min-w-0 flex-1 rounded border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950';

/** One preset's fields; the profile is kept as saved (picked from a chat, not typed). */
export function PresetForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: Draft;
  onSave(draft: Draft): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('presets');
  const [draft, setDraft] = useState<Draft>(initial);
  const setParameter = (key: 'temperature' | 'maxTokens', text: string) => {
    const { [key]: _old, ...rest } = draft.parameters;
    void _old;
    const value = text.trim() === '' ? undefined : Number(text);
    setDraft({ ...draft, parameters: value === undefined ? rest : { ...rest, [key]: value } });
  };
  return (
    <form
      aria-label={t('form.label')}
      className="mt-3 flex flex-col gap-2 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-700"
      onSubmit={(event) => {
        event.preventDefault();
        if (draft.name.trim()) onSave(draft);
      }}
    >
      <label className="flex items-center gap-2">
        <span className="w-28 shrink-0">{t('form.name')}</span>
        <input
          className={field}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
      </label>
      <label className="flex items-start gap-2">
        <span className="w-28 shrink-0">{t('form.systemPrompt')}</span>
        <textarea
          className={field}
          rows={3}
          value={draft.systemPrompt ?? ''}
          onChange={(e) => setDraft({ ...draft, systemPrompt: e.target.value || null })}
        />
      </label>
      <label className="flex items-center gap-2">
        <span className="w-28 shrink-0">{t('form.model')}</span>
        <input
          className={field}
          value={draft.model ?? ''}
          onChange={(e) => setDraft({ ...draft, model: e.target.value.trim() || null })}
        />
      </label>
      <label className="flex items-center gap-2">
        <span className="w-28 shrink-0">{t('form.temperature')}</span>
        <input
          className={field}
          inputMode="decimal"
          value={draft.parameters.temperature ?? ''}
          onChange={(e) => setParameter('temperature', e.target.value)}
        />
      </label>
      <label className="flex items-center gap-2">
        <span className="w-28 shrink-0">{t('form.maxTokens')}</span>
        <input
          className={field}
          inputMode="numeric"
          value={draft.parameters.maxTokens ?? ''}
          onChange={(e) => setParameter('maxTokens', e.target.value)}
        />
      </label>
      <div className="flex justify-end gap-2">
        <button type="button" className="action-button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
        <button type="submit" className="primary-button" disabled={!draft.name.trim()}>
          {t('form.save')}
        </button>
      </div>
    </form>
  );
}
