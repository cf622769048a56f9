import { useConversationsStore } from '../features/sidebar';
import { useStorageStore } from '../features/storage';
import { saidText, useTranslation } from '../lib/i18n';

/** Each export's words in the sidebar catalogue (the same as its export menu). */
const exportFormats = [
  { format: 'json', label: 'sidebar:exportJson' },
  { format: 'markdown', label: 'sidebar:exportMarkdown' },
] as const;

/**
 * Stays up, undismissable, while the history is read-only: the person must know that nothing new
 * is kept, and the way out (export what can be read) is one click away.
 */
export function StorageBanner() {
  const { t } = useTranslation('chat');
  const status = useStorageStore((s) => s.status);
  const exportConversations = useConversationsStore((s) => s.exportConversations);
  if (status.writable) return null;
  return (
    <section
      role="alert"
      aria-labelledby="storage-banner-title"
      className="border-b border-red-200 bg-red-50 px-4 py-3 text-sm text-red-950 dark:border-red-900 dark:bg-red-950 dark:text-red-50"
    >
      <div className="mx-auto flex max-w-5xl flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1">
          <h2 id="storage-banner-title" className="font-semibold">
            {t(`storage.${status.reason}`)} · {t('storage.readOnly')}
          </h2>
          <p className="mt-0.5 break-words">{saidText(status.said, status.message)}</p>
        </div>
        <div className="flex shrink-0 gap-2">
          {exportFormats.map(({ format, label }) => (
            <button
              key={format}
              type="button"
              className="toolbar-button"
              onClick={() => void exportConversations(format)}
            >
              {t(label)}
            </button>
          ))}
        </div>
      </div>
    </section>
  );
}
