import * as Tooltip from '@radix-ui/react-tooltip';
import {
  Composer,
  MessageList,
  ChatSettingsPanel,
  FocusMessage,
  useChatStore,
  currentChatSetup,
} from '../features/chat';
import { FirstRun, NoticeBar, SettingsDialog, useSettingsStore } from '../features/settings';
import { StorageBanner } from './StorageBanner';
import { ThemeMenu } from '../features/theme';
import { CompareDialog } from '../features/compare';
import { PresetsDialog } from '../features/presets';
import { ConversationToolbar } from './ConversationToolbar';
import { ShortcutsDialog } from '../features/shortcuts';
import { Sidebar } from '../features/sidebar';
import { PartFailed } from '../components/ui/PartFailed';
import { RenderBoundary } from '../components/ui/RenderBoundary';
import { Tip } from '../components/ui/Tip';
import { useShortcuts } from './useShortcuts';
import { ariaShortcut, shortcutLabel } from '../lib/platform';
import { RateLimitWarning, UsageDialog } from '../features/usage';
import { useTranslation } from '../lib/i18n';

/** A name, not a word to translate. */
const productName = 'Switchboard';

export function App() {
  const newConversation = useChatStore((s) => s.newConversation);
  useShortcuts();
  const { t } = useTranslation();
  // First run: what was found, instead of an empty chat (a chat already under way wins).
  const firstRunOpen = useSettingsStore((s) => s.firstRunOpen);
  const chatEmpty = useChatStore((s) => s.messages.length === 0);
  const showFirstRun = firstRunOpen && chatEmpty;
  const conversationId = useChatStore((s) => s.conversationId);
  return (
    <Tooltip.Provider delayDuration={400}>
      <div className="flex h-full flex-col">
        <header className="flex items-center justify-between gap-2 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
          <h1 className="text-sm font-semibold tracking-tight">{productName}</h1>
          <div className="flex items-center gap-2">
            <ThemeMenu />
            <UsageDialog />
            <CompareDialog />
            <PresetsDialog current={currentChatSetup} />
            <SettingsDialog />
            <Tip content={t('newConversationTip', { shortcut: shortcutLabel('N') })}>
              <button
                type="button"
                onClick={newConversation}
                aria-keyshortcuts={`${ariaShortcut('N')} ${ariaShortcut('O', true)}`}
                className="toolbar-button"
              >
                {t('newConversation')}
              </button>
            </Tip>
          </div>
        </header>
        <ShortcutsDialog />
        <StorageBanner />
        <NoticeBar />
        <div className="relative flex min-h-0 flex-1">
          <RenderBoundary
            name="The sidebar"
            fallback={(error, retry) => (
              <PartFailed
                what={t('sidebarFailed')}
                hint={t('sidebarFailedHint')}
                error={error}
                retry={retry}
              />
            )}
          >
            <Sidebar />
          </RenderBoundary>
          <main className="flex min-h-0 min-w-0 flex-1 flex-col">
            {/* Opening another conversation clears a failure here. */}
            <RenderBoundary
              name="The conversation"
              resetKey={conversationId}
              fallback={(error, retry) => (
                <PartFailed
                  what={t('conversationFailed')}
                  hint={t('conversationFailedHint')}
                  error={error}
                  retry={retry}
                />
              )}
            >
              <ConversationToolbar />
              {showFirstRun ? <FirstRun /> : <MessageList />}
              <FocusMessage />
              <RateLimitWarning />
              <Composer />
            </RenderBoundary>
          </main>
          <ChatSettingsPanel />
        </div>
      </div>
    </Tooltip.Provider>
  );
}
