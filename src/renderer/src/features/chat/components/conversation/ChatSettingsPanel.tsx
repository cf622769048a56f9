import { ChatParameterFields } from './ChatParameterFields';
import { useChatSettingsPanel } from './ChatSettingsToggle';
import { ConversationToolPicker } from '../../../tools';
import { ConversationKnowledgePicker } from '../../../knowledge';
import { useComposerSettings } from '../../store/composerSettings';
import { useChatStore } from '../../store/chatStore';
import { useTranslation } from '../../../../lib/i18n';

/** The chat's settings beside it (wide windows) or over it (a drawer), while shown. */
export function ChatSettingsPanel() {
  const { t } = useTranslation('chat');
  const { open, toggle } = useChatSettingsPanel();
  const conversationId = useChatStore((s) => s.conversationId);
  const knowledge = useComposerSettings((s) => s.knowledge);
  const setValues = useComposerSettings((s) => s.setValues);
  if (!open) return null;
  // Beside the chat (xl) the panel is a flex item, where a z-index still stacks: z-auto there, so
  // a dialog's overlay covers it like the rest of the window.
  return (
    <aside
      id="chat-settings-panel"
      aria-label={t('settingsPanel.title')}
      className="absolute inset-y-0 right-0 z-20 flex w-72 flex-col border-l border-zinc-200 bg-white shadow-xl xl:static xl:z-auto xl:shadow-none dark:border-zinc-800 dark:bg-zinc-950"
    >
      <div className="flex items-center justify-between border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <h2 className="text-sm font-semibold">{t('settingsPanel.title')}</h2>
        <button
          type="button"
          aria-label={t('settingsPanel.hide')}
          onClick={toggle}
          className="rounded px-2 py-0.5 text-lg leading-none text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          ×
        </button>
      </div>
      <ChatParameterFields />
      <ConversationKnowledgePicker
        selected={knowledge}
        onChange={(collections) => setValues({ knowledge: collections })}
      />
      <ConversationToolPicker conversationId={conversationId} />
    </aside>
  );
}
