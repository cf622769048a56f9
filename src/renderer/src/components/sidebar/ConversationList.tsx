import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useChatStore } from '../../store/chatStore';
import { useConversationsStore } from '../../store/conversationsStore';
import { ConversationRow } from './ConversationRow';

const ROW_HEIGHT = 36;

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

  // No React Compiler in this app: the virtualizer's unmemoizable API is fine with plain React.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? -1;

  // Fetch the next page when the last rows come into view.
  useEffect(() => {
    if (hasMore && lastIndex >= items.length - 10) void loadMore();
  }, [hasMore, lastIndex, items.length, loadMore]);

  const onDelete = (id: string) => {
    if (id === activeId) newConversation();
    void remove(id);
  };

  if (items.length === 0) {
    return <p className="px-4 py-6 text-center text-xs text-zinc-500">No conversations yet.</p>;
  }
  return (
    <div ref={scroller} className="min-h-0 flex-1 overflow-y-auto px-2">
      <div
        role="list"
        aria-label="Conversations"
        className="relative w-full"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualItems.map((row) => {
          const conversation = items[row.index];
          if (!conversation) return null;
          return (
            <div
              key={conversation.id}
              className="absolute left-0 top-0 w-full py-px"
              style={{ height: row.size, transform: `translateY(${row.start}px)` }}
            >
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
