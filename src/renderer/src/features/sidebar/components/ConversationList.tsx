import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { groupByDate } from '../lib/dateGroups';
import { useChatStore } from '../../chat';
import { useConversationsStore } from '../store/conversationsStore';
import { ConversationRow } from './ConversationRow';
import { useTranslation } from '../../../lib/i18n';

const ROW_HEIGHT = 36;
const HEADING_HEIGHT = 28;

/** The conversation list, virtualized: only the rows in view exist, however long the history. */
export function ConversationList() {
  const items = useConversationsStore((s) => s.items);
  const hasMore = useConversationsStore((s) => s.nextCursor !== null);
  const loadMore = useConversationsStore((s) => s.loadMore);
  const rename = useConversationsStore((s) => s.rename);
  const setPinned = useConversationsStore((s) => s.setPinned);
  const remove = useConversationsStore((s) => s.remove);
  const activeId = useChatStore((s) => s.conversationId);
  const openConversation = useChatStore((s) => s.openConversation);
  const newConversation = useChatStore((s) => s.newConversation);
  const scroller = useRef<HTMLDivElement>(null);
  const { t, i18n } = useTranslation('sidebar');
  // Grouped against the day the list was loaded: a refresh after midnight regroups it.
  // The headings are words: a language switch regroups too.
  const language = i18n.language;
  const rows = useMemo(() => groupByDate(items, Date.now(), language), [items, language]);

  // No React Compiler in this app: the virtualizer's unmemoizable API is fine with plain React.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (rows[index]?.kind === 'heading' ? HEADING_HEIGHT : ROW_HEIGHT),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 8,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? -1;

  // Fetch the next page when the last rows come into view.
  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - 10) void loadMore();
  }, [hasMore, lastIndex, rows.length, loadMore]);

  const onDelete = (id: string) => {
    if (id === activeId) newConversation();
    void remove(id);
  };

  if (items.length === 0) {
    return <p className="flex-1 px-4 py-6 text-center text-xs text-zinc-500">{t('empty')}</p>;
  }
  return (
    <div ref={scroller} className="min-h-0 flex-1 overflow-y-auto px-2">
      <div
        role="list"
        aria-label={t('list')}
        className="relative w-full"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualItems.map((row) => {
          const entry = rows[row.index];
          if (!entry) return null;
          const place = { height: row.size, transform: `translateY(${row.start}px)` };
          if (entry.kind === 'heading') {
            // Visual grouping only: the rows themselves stay the list's only items.
            return (
              <div
                key={entry.key}
                aria-hidden="true"
                className="absolute left-0 top-0 flex w-full items-end px-2 pb-1 text-[11px] font-semibold caps text-zinc-500 dark:text-zinc-400"
                style={place}
              >
                {entry.label}
              </div>
            );
          }
          const { conversation } = entry;
          return (
            <div key={entry.key} className="absolute left-0 top-0 w-full py-px" style={place}>
              <ConversationRow
                conversation={conversation}
                active={conversation.id === activeId}
                onOpen={(id) => void openConversation(id)}
                onRename={(id, title) => void rename(id, title)}
                onPin={(id, pinned) => void setPinned(id, pinned)}
                onDelete={onDelete}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
