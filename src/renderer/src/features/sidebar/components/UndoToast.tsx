import { useConversationsStore } from '../store/conversationsStore';
import { useTranslation } from '../../../lib/i18n';

/** Offered for a few seconds after a delete: the conversation comes back whole. */
export function UndoToast() {
  const pending = useConversationsStore((s) => s.pendingUndo);
  const undo = useConversationsStore((s) => s.undoRemove);
  const dismiss = useConversationsStore((s) => s.dismissUndo);
  const { t } = useTranslation('sidebar');
  if (!pending) return null;
  return (
    <div
      role="status"
      className="mx-2 mb-2 flex items-center gap-2 rounded-md bg-zinc-900 px-3 py-2 text-xs text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900"
    >
      <span className="min-w-0 flex-1 truncate">{t('deleted', { title: pending.title })}</span>
      <button
        type="button"
        onClick={() => void undo()}
        className="font-semibold text-blue-300 hover:underline dark:text-blue-700"
      >
        {t('undo')}
      </button>
      <button
        type="button"
        aria-label={t('dismiss')}
        onClick={dismiss}
        className="text-zinc-400 hover:text-white dark:hover:text-zinc-900"
      >
        ×
      </button>
    </div>
  );
}
