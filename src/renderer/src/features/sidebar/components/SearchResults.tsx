import type { SearchHit } from '../../../../../shared/conversations';
import { useChatStore } from '../../chat';
import { useConversationsStore } from '../store/conversationsStore';
import { useTranslation } from '../../../lib/i18n';

/** Search hits: where the words were found, the match highlighted (as text, never as HTML). */
export function SearchResults() {
  const hits = useConversationsStore((s) => s.hits);
  const query = useConversationsStore((s) => s.query);
  const openConversation = useChatStore((s) => s.openConversation);
  const { t } = useTranslation('sidebar');

  if (hits.length === 0) {
    return (
      <p className="px-4 py-6 text-center text-xs text-zinc-500">{t('nothingFound', { query })}</p>
    );
  }
  return (
    <ul aria-label={t('results')} className="min-h-0 flex-1 space-y-1 overflow-y-auto px-2">
      {hits.map((hit) => (
        <li key={hit.messageId ?? `title:${hit.conversationId}`}>
          <button
            type="button"
            onClick={() => void openConversation(hit.conversationId, hit.messageId ?? undefined)}
            className="w-full rounded-md px-2 py-1.5 text-left hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:bg-zinc-800"
          >
            <span className="block truncate text-sm font-medium">
              {hit.messageId === null ? (
                <Marked hit={hit} />
              ) : (
                hit.conversationTitle || t('untitled')
              )}
            </span>
            {hit.messageId === null ? (
              <span className="block text-xs text-zinc-400">{t('inTitle')}</span>
            ) : (
              <Snippet hit={hit} />
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}

function Snippet({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation('sidebar');
  return (
    <span className="line-clamp-2 block text-xs text-zinc-600 dark:text-zinc-400">
      <span className="text-zinc-400">{hit.role === 'user' ? t('you') : t('assistant')}</span>
      <Marked hit={hit} />
    </span>
  );
}

/** The hit's pieces, the matched ones highlighted (as text, never as HTML). */
function Marked({ hit }: { hit: SearchHit }) {
  return (
    <>
      {hit.segments.map((segment, index) =>
        segment.match ? (
          <mark
            key={index}
            className="rounded-sm bg-yellow-200 px-0.5 text-zinc-900 dark:bg-yellow-600/60 dark:text-zinc-50"
          >
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
