import { useChatStore, ChatSettingsToggle, ModelSelector } from '../features/chat';
import { useConversationsStore } from '../features/sidebar';
import { ForkedFromLink } from './ForkedFromLink';
import { PresetPicker } from './PresetPicker';
import { useTranslation } from '../lib/i18n';

/** Format names, the same in every language. */
const formats = { markdown: 'Markdown', json: 'JSON' };

const buttonClass =
  'shrink-0 whitespace-nowrap rounded px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-zinc-400 dark:hover:bg-zinc-800';

/** The chat header: who answers (the model selector), the title, the chat's settings, export. */
export function ConversationToolbar() {
  const conversationId = useChatStore((s) => s.conversationId);
  const { t } = useTranslation();
  const title = useConversationsStore((s) => s.items.find((c) => c.id === conversationId)?.title);
  const exportConversations = useConversationsStore((s) => s.exportConversations);
  return (
    <div className="flex items-center gap-2 border-b border-zinc-200 px-4 py-1.5 dark:border-zinc-800">
      <ModelSelector />
      <PresetPicker />
      <h2 className="min-w-[5rem] flex-1 truncate text-sm font-medium">
        {conversationId ? (title ?? '') : ''}
      </h2>
      {conversationId && (
        <>
          <ForkedFromLink />
          <button
            type="button"
            className={buttonClass}
            onClick={() => void exportConversations('markdown', [conversationId])}
          >
            <span className="max-lg:sr-only">{t('exportAs')}</span>
            {formats.markdown}
          </button>
          <button
            type="button"
            className={buttonClass}
            onClick={() => void exportConversations('json', [conversationId])}
          >
            <span className="max-lg:sr-only">{t('exportAs')}</span>
            {formats.json}
          </button>
        </>
      )}
      <ChatSettingsToggle />
    </div>
  );
}
