import * as Tooltip from '@radix-ui/react-tooltip';
import { Composer } from './components/Composer';
import { MessageList } from './components/MessageList';
import { ThemeMenu } from './components/ThemeMenu';
import { Tip } from './components/ui/Tip';
import { useShortcuts } from './hooks/useShortcuts';
import { ariaShortcut, shortcutLabel } from './lib/platform';
import { useChatStore } from './store/chatStore';

export function App() {
  const newConversation = useChatStore((s) => s.newConversation);
  useShortcuts();
  return (
    <Tooltip.Provider delayDuration={400}>
      <div className="flex h-full flex-col">
        <header className="flex items-center justify-between gap-2 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
          <h1 className="text-sm font-semibold tracking-tight">Switchboard</h1>
          <div className="flex items-center gap-2">
            <ThemeMenu />
            <Tip content={`New conversation (${shortcutLabel('N')})`}>
              <button
                type="button"
                onClick={newConversation}
                aria-keyshortcuts={`${ariaShortcut('N')} ${ariaShortcut('O', true)}`}
                className="toolbar-button"
              >
                New conversation
              </button>
            </Tip>
          </div>
        </header>
        <main className="flex min-h-0 flex-1 flex-col">
          <MessageList />
          <Composer />
        </main>
      </div>
    </Tooltip.Provider>
  );
}
