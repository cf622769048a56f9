import { useEffect, useState } from 'react';
import { rememberOpenConversation } from '../../chat';
import { subscribeToConversations, useConversationsStore } from '../store/conversationsStore';
import { useSidebarLayout } from '../store/sidebarLayout';
import { SidebarIcon } from '../../../components/ui/icons';
import { Tip } from '../../../components/ui/Tip';
import { ConversationList } from './ConversationList';
import { SearchResults } from './SearchResults';
import { SidebarFooter } from './SidebarFooter';
import { UndoToast } from './UndoToast';
import { useTranslation } from '../../../lib/i18n';

/** Conversations, newest first with pinned on top; search over all history; import and export. */
export function Sidebar() {
  const [text, setText] = useState('');
  const search = useConversationsStore((s) => s.search);
  const error = useConversationsStore((s) => s.error);
  const searching = useConversationsStore((s) => s.query.trim().length > 0);
  const collapsed = useSidebarLayout((s) => s.collapsed);
  const toggle = useSidebarLayout((s) => s.toggle);
  const { t } = useTranslation('sidebar');

  useEffect(() => subscribeToConversations(), []);
  useEffect(() => rememberOpenConversation(), []);
  // A short pause after typing before asking main: one query per burst of keys.
  useEffect(() => {
    const timer = setTimeout(() => void search(text), 120);
    return () => clearTimeout(timer);
  }, [text, search]);

  const toggleButton = (
    <Tip content={collapsed ? t('show') : t('hide')}>
      <button
        type="button"
        aria-label={collapsed ? t('expand') : t('collapse')}
        aria-expanded={!collapsed}
        onClick={toggle}
        className="icon-button shrink-0"
      >
        <SidebarIcon />
      </button>
    </Tip>
  );
  if (collapsed) {
    return (
      <aside
        aria-label={t('label')}
        className="flex w-11 shrink-0 flex-col items-center border-r border-zinc-200 bg-zinc-50 py-2 dark:border-zinc-800 dark:bg-zinc-900/40"
      >
        {toggleButton}
      </aside>
    );
  }
  return (
    <aside
      aria-label={t('label')}
      className="flex w-64 shrink-0 flex-col border-r border-zinc-200 bg-zinc-50 lg:w-72 dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <div className="flex items-center gap-1 p-2">
        {toggleButton}
        <input
          type="search"
          aria-label={t('search')}
          placeholder={t('search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && setText('')}
          className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm placeholder:text-zinc-400 focus:border-blue-500 focus:outline-none dark:border-zinc-700 dark:bg-zinc-900"
        />
      </div>
      {error && (
        <p
          role="alert"
          className="mx-2 mb-2 rounded-md border border-red-300 bg-red-50 px-2 py-1.5 text-xs text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {error}
        </p>
      )}
      {searching ? <SearchResults /> : <ConversationList />}
      <UndoToast />
      <SidebarFooter />
    </aside>
  );
}
