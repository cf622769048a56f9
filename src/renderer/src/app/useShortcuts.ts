import { useEffect } from 'react';
import { hasModifier } from '../lib/platform';
import { useChatStore } from '../features/chat';
import { useShortcutsDialog } from '../features/shortcuts';
import { useSidebarLayout } from '../features/sidebar';

/** A control another feature renders (search box, settings button), found by its accessible name. */
function byName(selector: string, name: string): HTMLElement | null {
  for (const element of document.querySelectorAll<HTMLElement>(selector)) {
    const label = element.getAttribute('aria-label') ?? element.textContent ?? '';
    if (label.trim() === name) return element;
  }
  return null;
}

/**
 * App-wide shortcuts by platform convention (Cmd on macOS, Ctrl elsewhere):
 * N or Shift+O new conversation (browsers keep Ctrl+N for themselves), K search,
 * comma settings, period stop, B sidebar, slash the list of shortcuts.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!hasModifier(event) || event.repeat) return;
      const key = event.key.toLowerCase();
      const store = useChatStore.getState();
      let handled = true;
      if ((key === 'n' && !event.shiftKey) || (key === 'o' && event.shiftKey)) {
        store.newConversation();
        document.querySelector<HTMLElement>('textarea[aria-label="Message"]')?.focus();
      } else if (key === 'k' && !event.shiftKey) {
        const search = byName('input[type="search"], [role="searchbox"]', 'Search conversations');
        if (search) search.focus();
        else handled = false;
      } else if (key === ',') {
        const settings = byName('button', 'Settings');
        if (settings) settings.click();
        else handled = false;
      } else if (key === 'b' && !event.shiftKey) {
        useSidebarLayout.getState().toggle();
      } else if (key === '/' || key === '?') {
        useShortcutsDialog.getState().setOpen(true);
      } else if (key === '.' && store.activeStreamId) {
        void store.stop();
      } else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
