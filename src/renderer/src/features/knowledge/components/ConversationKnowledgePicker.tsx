import { useEffect } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { useKnowledgeStore } from '../store/knowledgeStore';

interface Props {
  /** The collections this chat searches (its parameters' `knowledge`). */
  selected: string[];
  onChange(selected: string[]): void;
}

/** Which knowledge collections this chat searches for each question (in the chat's settings). */
export function ConversationKnowledgePicker({ selected, onChange }: Props) {
  const { t } = useTranslation('knowledge');
  const collections = useKnowledgeStore((s) => s.collections);
  const load = useKnowledgeStore((s) => s.load);
  useEffect(() => {
    if (!collections) void load();
  }, [collections, load]);
  // Like the tool picker: nothing to attach, nothing shown (Settings › Knowledge makes one).
  if (!collections?.length) return null;
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected.filter((s) => s !== id), id] : selected.filter((s) => s !== id));
  return (
    <fieldset
      title={t('picker.tip')}
      className="flex flex-col gap-1 border-t border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800"
    >
      <legend className="sr-only">{t('picker.title')}</legend>
      <p className="font-medium">{t('picker.title')}</p>
      {collections.map((c) => (
        <label key={c.id} className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={selected.includes(c.id)}
            onChange={(e) => toggle(c.id, e.target.checked)}
          />
          {c.name}
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            {t('summary', { documents: c.documentCount, passages: c.chunkCount })}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
