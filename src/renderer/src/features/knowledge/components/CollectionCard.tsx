import { useState } from 'react';
import type { IndexProgress, KnowledgeCollection } from '../../../../../shared/knowledge';
import { formatDateTime, saidText, useTranslation, type TFunction } from '../../../lib/i18n';
import { useKnowledgeStore } from '../store/knowledgeStore';
import { DocumentList } from './DocumentList';

const running = (p: IndexProgress | undefined) =>
  p?.state === 'scanning' || p?.state === 'indexing';

function stateLine(p: IndexProgress, t: TFunction<'knowledge'>): string {
  const error = p.error === undefined ? '' : saidText(p.errorSaid, p.error);
  return t(`state.${p.state}`, { ...p, error });
}

/** The bar while a pass runs (indeterminate while the folder is scanned). */
function ProgressBar({ progress }: { progress: IndexProgress }) {
  const { t } = useTranslation('knowledge');
  const value = progress.total ? Math.round((progress.done / progress.total) * 100) : undefined;
  return (
    <div
      role="progressbar"
      aria-label={t('progress')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      className="h-2 w-full overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800"
    >
      <div className="h-full bg-blue-600 transition-[width]" style={{ width: `${value ?? 10}%` }} />
    </div>
  );
}

function Actions({
  collection,
  progress,
}: {
  collection: KnowledgeCollection;
  progress?: IndexProgress;
}) {
  const { t } = useTranslation('knowledge');
  const { index, cancel, remove } = useKnowledgeStore.getState();
  const onDelete = () => {
    if (window.confirm(t('deleteConfirm', { name: collection.name }))) void remove(collection.id);
  };
  return (
    <div className="flex flex-wrap gap-2">
      {running(progress) ? (
        <button type="button" className="toolbar-button" onClick={() => void cancel(collection.id)}>
          {t('cancel')}
        </button>
      ) : (
        <button type="button" className="toolbar-button" onClick={() => void index(collection.id)}>
          {progress?.state === 'cancelled' || progress?.state === 'failed'
            ? t('resume')
            : t('reindex')}
        </button>
      )}
      <button type="button" className="toolbar-button" onClick={onDelete}>
        {t('delete')}
      </button>
    </div>
  );
}

/** One collection: what it holds, its pass (bar, Cancel/Resume), its documents on demand. */
export function CollectionCard({ collection }: { collection: KnowledgeCollection }) {
  const { t } = useTranslation('knowledge');
  const progress = useKnowledgeStore((s) => s.progress[collection.id]);
  const [open, setOpen] = useState(false);
  const when = collection.indexedAt
    ? t('indexedAt', { when: formatDateTime(collection.indexedAt) })
    : t('neverIndexed');
  return (
    <li
      aria-label={collection.name}
      className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
    >
      <div className="flex items-baseline justify-between gap-2">
        <span className="font-medium">{collection.name}</span>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">
          {t('summary', { documents: collection.documentCount, passages: collection.chunkCount })} ·{' '}
          {when}
        </span>
      </div>
      <span
        className="truncate font-mono text-xs text-zinc-600 dark:text-zinc-400"
        title={collection.folder}
      >
        {collection.folder} · {collection.model}
      </span>
      {running(progress) && <ProgressBar progress={progress!} />}
      {progress && (
        <p
          role="status"
          className={
            progress.state === 'failed'
              ? 'text-xs text-red-700 dark:text-red-400'
              : 'text-xs text-zinc-600 dark:text-zinc-400'
          }
        >
          {stateLine(progress, t)}
        </p>
      )}
      <Actions collection={collection} progress={progress} />
      <button
        type="button"
        aria-expanded={open}
        className="self-start text-xs text-blue-700 hover:underline dark:text-blue-400"
        onClick={() => setOpen(!open)}
      >
        {open ? t('hideDocuments') : t('showDocuments')}
      </button>
      {open && <DocumentList collectionId={collection.id} />}
    </li>
  );
}
