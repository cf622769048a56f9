import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect } from 'react';
import { selectBusy, useChatStore } from '../store/chatStore';
import { useFollowOutput } from '../hooks/useFollowOutput';
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
 * The conversation, virtualized with @tanstack/react-virtual: only the messages near the
 * viewport are in the DOM, each estimated from its text until it is measured as it renders, so a chat of thousands stays light.
 */
export function MessageList() {
  const messages = useChatStore((s) => s.messages);
  const busy = useChatStore(selectBusy);
  const { scroller, content, following, jumpToLatest, observeItem } = useFollowOutput();

  // The virtualizer is a mutable instance React Compiler cannot memoize; no compiler runs here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => {
      const message = messages[index];
      return message ? cachedMessageHeight(message, textColumnWidth()) : 160;
    },
    overscan: 4,
    getItemKey: (index) => messages[index]?.id ?? index,
    gap: 16,
    paddingStart: 24,
    paddingEnd: 24,
    // A scroll's new messages render in a task of their own: flushSync in the scroll event put
    // their React work and the frame's style, layout and paint in one long task.
    useFlushSync: false,
  });

  // Stable, so React does not re-run it (measureElement without an entry forces a layout).
  // Returning a cleanup (React 19) unobserves the item when the virtualizer drops it.
  const itemRef = useCallback(
    (element: HTMLDivElement | null) => {
      if (!element) return;
      virtualizer.measureElement(element);
      return observeItem(element);
    },
    [virtualizer, observeItem],
  );

  useColumnWidth();
  // Sending a message means "show me the answer": follow again.
  const { t } = useTranslation('chat');
  const count = messages.length;
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
        {/* Always mounted: the follow hook observes its size from the start. */}
        <div
          ref={content}
          className="relative mx-auto w-full max-w-3xl"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const message = messages[item.index];
            if (!message) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={itemRef}
                className="absolute left-0 top-0 w-full px-4"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <MessageItem message={message} busy={busy} {...handlers} />
              </div>
            );
          })}
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
