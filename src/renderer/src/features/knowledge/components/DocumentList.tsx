import { useEffect } from 'react';
import { formatBytes, saidText, useTranslation } from '../../../lib/i18n';
import { useKnowledgeStore } from '../store/knowledgeStore';
import type { KnowledgeDocument } from '../../../../../shared/knowledge';

/** A collection's documents by path, each with its passages or why it has none. */
export function DocumentList({ collectionId }: { collectionId: string }) {
  const { t } = useTranslation('knowledge');
  const documents = useKnowledgeStore((s) => s.documents[collectionId]);
  const loadDocuments = useKnowledgeStore((s) => s.loadDocuments);
  useEffect(() => void loadDocuments(collectionId), [collectionId, loadDocuments]);
  if (!documents) return null;
  return (
    <ul
      aria-label={t('showDocuments')}
      className="max-h-60 overflow-y-auto rounded border border-zinc-100 text-xs dark:border-zinc-800"
    >
      {documents.map((doc) => (
        <li
          key={doc.path}
          className="flex justify-between gap-2 px-2 py-0.5 odd:bg-zinc-50 dark:odd:bg-zinc-900"
        >
          <span className="truncate font-mono" title={doc.path}>
            {doc.path}
          </span>
          <span
            className={
              problemText(doc)
                ? 'text-amber-700 dark:text-amber-400'
                : 'text-zinc-600 dark:text-zinc-400'
            }
            title={problemText(doc) ?? undefined}
          >
            {problemText(doc) ??
              `${t('chunks', { count: doc.chunkCount })} · ${formatBytes(doc.size)}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Why a document has no passages, in the person's language where main gave its code. */
function problemText(doc: KnowledgeDocument): string | null {
  return doc.problem === null ? null : saidText(doc.problemSaid, doc.problem);
}
