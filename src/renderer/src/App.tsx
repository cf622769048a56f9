import { Composer } from './components/Composer';
import { MessageList } from './components/MessageList';
import { ConversationToolbar } from './components/conversation/ConversationToolbar';
import { FocusMessage } from './components/conversation/FocusMessage';
import { Sidebar } from './components/sidebar/Sidebar';
import { useChatStore } from './store/chatStore';

export function App() {
  const newConversation = useChatStore((s) => s.newConversation);
  return (
    <div className="flex h-full flex-col">
      <header className="flex items-center justify-between border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <h1 className="text-sm font-semibold tracking-tight">Switchboard</h1>
        <button
          type="button"
          onClick={newConversation}
          className="rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          New conversation
        </button>
      </header>
      <div className="flex min-h-0 flex-1">
        <Sidebar />
        <main className="flex min-h-0 min-w-0 flex-1 flex-col">
          <ConversationToolbar />
          <MessageList />
          <FocusMessage />
          <Composer />
        </main>
      </div>
    </div>
  );
}
