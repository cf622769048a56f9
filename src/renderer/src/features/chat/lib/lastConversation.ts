import { useChatStore } from '../store/chatStore';

const KEY = 'switchboard:lastConversation';

/**
 * Reopens the conversation that was open before a reload or restart, and remembers the open one
 * from now on. Only an id is kept in the page's storage: the history itself is in main.
 */
export function rememberOpenConversation(): () => void {
  const last = localStorage.getItem(KEY);
  if (last && !useChatStore.getState().conversationId) {
    void useChatStore
      .getState()
      .openConversation(last)
      .then((opened) => {
        if (!opened) {
          localStorage.removeItem(KEY);
          useChatStore.setState({ sendError: null });
        }
      });
  }
  return useChatStore.subscribe((state, previous) => {
    if (state.conversationId === previous.conversationId) return;
    if (state.conversationId) localStorage.setItem(KEY, state.conversationId);
    else localStorage.removeItem(KEY);
  });
}
