import { elementScroll, useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect } from 'react';
import { selectBusy, useChatStore, type ChatState } from '../store/chatStore';
import { useFollowOutput } from '../hooks/useFollowOutput';
import { useFramedMessage } from '../hooks/useFramedMessage';
import { MessageItem } from './MessageItem';
import { cachedMessageHeight } from '../lib/messageHeight';
import { useTranslation } from '../../../lib/i18n';

// Stable handler references, so memoized messages are not re-rendered by new closures.
const handlers = {
  onRegenerate: (id: string) => void useChatStore.getState().regenerate(id),
  onEdit: (id: string, text: string) => void useChatStore.getState().editAndResend(id, text),
  onDelete: (id: string) => void useChatStore.getState().deleteMessage(id),
  onFork: (id: string) => void useChatStore.getState().fork(id),
  onContinue: (id: string) => void useChatStore.getState().continueAnswer(id),
};

/**
 * The text column's width for height estimates: the list's max-w-3xl (768 px) less the item's and
 * the article's padding, or less when the window is narrower. Read on resize only: the list asks
 * for estimates on every render, and reading the window's width there can force a layout.
 */
let columnWidth = 672;
const textColumnWidth = () => columnWidth;
const readColumnWidth = () => {
  columnWidth = Math.min(window.innerWidth, 768) - 96;
};
function useColumnWidth() {
  useEffect(() => {
    readColumnWidth();
    window.addEventListener('resize', readColumnWidth);
    return () => window.removeEventListener('resize', readColumnWidth);
  }, []);
}

/**
 * The ids of the chat's messages: the same array while only their contents change (a chunk),
 * checked by one plain loop per store change (zustand's shallow compare of 2,000 entries, by
 * Maps, cost a streamed answer more than a quarter of its script time).
 */
let lastIds: string[] = [];
const selectIds = (s: ChatState): string[] => {
  const { messages } = s;
  let same = messages.length === lastIds.length;
  for (let i = messages.length - 1; same && i >= 0; i--) same = messages[i]!.id === lastIds[i];
  if (!same) lastIds = messages.map((m) => m.id);
  return lastIds;
};

// The store read when the list asks, so the estimate needs no list render of its own.
const estimateSize = (index: number) => {
  const message = useChatStore.getState().messages[index];
  return message ? cachedMessageHeight(message, textColumnWidth()) : 160;
};

/**
 * One message in its place: it reads its own message from the store (useFramedMessage), so a
 * streamed answer's chunk renders this row alone, once a frame, and never the list.
 */
const MessageRow = memo(function MessageRow({
  id,
  index,
  busy,
}: {
  id: string;
  index: number;
  busy: boolean;
}) {
  const message = useFramedMessage(id, index);
  return message ? <MessageItem message={message} busy={busy} {...handlers} /> : null;
});

/**
 * The conversation, virtualized with @tanstack/react-virtual: only the messages near the
 * viewport are in the DOM, each estimated from its text until it is measured as it renders, so
 * a chat of thousands stays light. The list renders again only when its messages come or go or
 * the range on screen changes: a message's growth reaches it through the virtualizer's
 * ResizeObserver, which writes the sizer's height and the rows' offsets itself
 * (directDomUpdates), with no React render in between.
 */
export function MessageList() {
  const ids = useChatStore(selectIds);
  const busy = useChatStore(selectBusy);
  const { scroller, following, jumpToLatest, observeItem, observeOffset, forgetEcho } =
    useFollowOutput();
  const getItemKey = useCallback((index: number) => ids[index] ?? index, [ids]);

  // The virtualizer is a mutable instance React Compiler cannot memoize; no compiler runs here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    overscan: 4,
    // Stable while the ids are: a new one would make the virtualizer lay out every message again.
    getItemKey,
    gap: 16,
    paddingStart: 24,
    // The last row carries the bottom padding (pb-6), so the follow pin finds the final
    // scroll height right after the browser's layout, before the virtualizer sets the sizer.
    paddingEnd: 0,
    // The follow hook reads the offset once for both, and tells of the pin's without reading.
    observeElementOffset: observeOffset,
    scrollToFn: (offset, options, instance) => {
      forgetEcho();
      elementScroll(offset, options, instance);
    },
    directDomUpdates: true,
    // Not 'position': moving rows by `top` relaid them out, and the scroll round's longest
    // tasks grew (a measured row moves every row after it).
    directDomUpdatesMode: 'transform',
    // A scroll's new messages render in a task of their own: flushSync in the scroll event put
    // their React work and the frame's style, layout and paint in one long task.
    useFlushSync: false,
  });

  // Stable, so React does not re-run it (measureElement without an entry forces a layout).
  // Returning a cleanup (React 19) unobserves the item when the virtualizer drops it.
  const itemRef = useCallback(
    (element: HTMLDivElement | null) => {
      if (!element) return;
      // Observed by the follow pin first, so its ResizeObserver is created (and called) first.
      const unobserve = observeItem(element);
      virtualizer.measureElement(element);
      return unobserve;
    },
    [virtualizer, observeItem],
  );

  useColumnWidth();
  // Sending a message means "show me the answer": follow again.
  const { t } = useTranslation('chat');
  const count = ids.length;
  useEffect(() => {
    if (count > 0) jumpToLatest();
  }, [count, jumpToLatest]);

  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <div
        ref={scroller}
        role="log"
        aria-label={t('list.label')}
        aria-live="polite"
        tabIndex={0}
        className="min-h-0 flex-1 overflow-y-auto [overflow-anchor:none]"
      >
        {count === 0 && (
          <p className="mt-24 text-center text-sm text-zinc-500 dark:text-zinc-400">
            {t('list.empty')}
          </p>
        )}
        {/* The virtualizer sets its height and the rows' offsets (directDomUpdates). */}
        <div ref={virtualizer.containerRef} className="relative mx-auto w-full max-w-3xl">
          {virtualizer.getVirtualItems().map((item) => (
            <div
              key={item.key}
              data-index={item.index}
              ref={itemRef}
              className={`absolute left-0 top-0 w-full px-4${item.index === count - 1 ? ' pb-6' : ''}`}
            >
              <MessageRow id={String(item.key)} index={item.index} busy={busy} />
            </div>
          ))}
        </div>
      </div>
      {!following && count > 0 && (
        <button type="button" onClick={jumpToLatest} className="jump-button">
          {t('list.jump')} <span aria-hidden="true">↓</span>
        </button>
      )}
    </div>
  );
}
