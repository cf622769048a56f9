import { useRef, type ChangeEvent } from 'react';
import { useConversationsStore } from '../store/conversationsStore';
import { ImportChoiceDialog } from './ImportChoiceDialog';
import { useTranslation } from '../../../lib/i18n';

const buttonClass =
  'rounded px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-200 focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-zinc-400 dark:hover:bg-zinc-800';

/**
 * Export everything, import a Switchboard or ChatGPT file (asking first about conversations
 * already here); what happened is said below.
 */
export function SidebarFooter() {
  const exportConversations = useConversationsStore((s) => s.exportConversations);
  const importFile = useConversationsStore((s) => s.importFile);
  const notice = useConversationsStore((s) => s.notice);
  const input = useRef<HTMLInputElement>(null);
  const { t } = useTranslation('sidebar');

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) void importFile(file);
  };

  return (
    <div className="border-t border-zinc-200 px-2 py-2 dark:border-zinc-800">
      {notice && (
        <p
          role={notice.kind === 'error' ? 'alert' : 'status'}
          className={`mb-1 px-2 text-xs ${notice.kind === 'error' ? 'text-red-700 dark:text-red-300' : 'text-zinc-600 dark:text-zinc-400'}`}
        >
          {notice.text}
        </p>
      )}
      <div className="flex flex-wrap gap-1">
        <button
          type="button"
          className={buttonClass}
          onClick={() => void exportConversations('markdown')}
        >
          {t('exportMarkdown')}
        </button>
        <button
          type="button"
          className={buttonClass}
          onClick={() => void exportConversations('json')}
        >
          {t('exportJson')}
        </button>
        <button type="button" className={buttonClass} onClick={() => input.current?.click()}>
          {t('import')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          aria-label={t('importFile')}
          className="hidden"
          onChange={onFile}
        />
      </div>
      <ImportChoiceDialog />
    </div>
  );
}
