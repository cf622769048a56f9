import { useChatStore } from '../features/chat';
import { useTranslation } from '../lib/i18n';

/** A fork's header names where it came from; a click opens the source at the message forked. */
export function ForkedFromLink() {
  const { t } = useTranslation('chat');
  const source = useChatStore((s) => s.forkedFrom);
  const openConversation = useChatStore((s) => s.openConversation);
  if (!source) return null;
  if (source.title === null || source.title === undefined)
    return (
      <span className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400">
        {t('fork.fromDeleted')}
      </span>
    );
  const title = source.title || t('fork.untitled');
  return (
    <button
      type="button"
      className="min-w-0 max-w-[9rem] shrink truncate rounded px-1 text-xs text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-blue-400"
      aria-label={t('fork.label', { title })}
      title={t('fork.tip', { title })}
      onClick={() => void openConversation(source.conversationId, source.messageId)}
    >
      ⑂ {t('fork.short', { title })}
    </button>
  );
}
