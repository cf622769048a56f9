import { selectBusy, useChatStore, type ChatMessage } from '../../store/chatStore';
import { useTranslation } from '../../../../lib/i18n';

/** Flips between a message's versions (regenerated answers, edited questions), stored in main. */
export function VersionSwitcher({ message }: { message: ChatMessage }) {
  const { t } = useTranslation('chat');
  const busy = useChatStore(selectBusy);
  const selectVersion = useChatStore((s) => s.selectVersion);
  const versions = message.versionIds ?? [message.id];
  if (message.streaming || versions.length < 2) return null;
  const index = versions.indexOf(message.id);
  return (
    <span className="flex items-center text-xs text-zinc-600 dark:text-zinc-400">
      <button
        type="button"
        aria-label={t('version.previous')}
        className="action-button"
        disabled={busy || index <= 0}
        onClick={() => void selectVersion(versions[index - 1]!)}
      >
        ‹
      </button>
      <span aria-label={t('version.of', { index: index + 1, count: versions.length })}>
        {index + 1} / {versions.length}
      </span>
      <button
        type="button"
        aria-label={t('version.next')}
        className="action-button"
        disabled={busy || index >= versions.length - 1}
        onClick={() => void selectVersion(versions[index + 1]!)}
      >
        ›
      </button>
    </span>
  );
}
