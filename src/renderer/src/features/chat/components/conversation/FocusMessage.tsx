import { useEffect } from 'react';
import { useChatStore } from '../../store/chatStore';

export function messageElementId(messageId: string): string {
  return `message-${messageId}`;
}

/**
 * Brings the message a search hit named into view and marks it for a moment. Rendered after
 * the message list so it runs after the list's own scroll-to-bottom.
 */
export function FocusMessage() {
  const focusMessageId = useChatStore((s) => s.focusMessageId);
  useEffect(() => {
    if (!focusMessageId) return;
    const frame = requestAnimationFrame(() => {
      const element = document.getElementById(messageElementId(focusMessageId));
      if (!element) return;
      element.scrollIntoView({ block: 'center' });
      element.dataset.focused = 'true';
      setTimeout(() => delete element.dataset.focused, 2000);
    });
    return () => cancelAnimationFrame(frame);
  }, [focusMessageId]);
  return null;
}
