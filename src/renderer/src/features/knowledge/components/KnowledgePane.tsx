import { useEffect } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { useKnowledgeStore } from '../store/knowledgeStore';
import { CollectionCard } from './CollectionCard';
import { NewCollectionForm, type EmbeddingsProfile } from './NewCollectionForm';

/** Settings › Knowledge: the collections with their passes, and a new one from a folder. */
export function KnowledgePane({ profiles }: { profiles: EmbeddingsProfile[] }) {
  const { t } = useTranslation('knowledge');
  const collections = useKnowledgeStore((s) => s.collections);
  const error = useKnowledgeStore((s) => s.error);
  const load = useKnowledgeStore((s) => s.load);
  useEffect(() => void load(), [load]);
  return (
    <div className="flex flex-col gap-4 pb-6 text-sm">
      <p className="text-zinc-600 dark:text-zinc-400">{t('intro')}</p>
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <NewCollectionForm profiles={profiles} />
      {collections?.length === 0 && (
        <p className="text-zinc-600 dark:text-zinc-400">{t('empty')}</p>
      )}
      <ul className="flex flex-col gap-3" aria-label={t('nav')}>
        {collections?.map((c) => (
          <CollectionCard key={c.id} collection={c} />
        ))}
      </ul>
    </div>
  );
}
