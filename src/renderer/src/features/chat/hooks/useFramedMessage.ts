import { useCallback, useSyncExternalStore } from 'react';
import { useChatStore, type ChatMessage } from '../store/chatStore';

/** The message `id`, looked up at `index` first (where the list found it). */
function pick(messages: ChatMessage[], index: number, id: string): ChatMessage | undefined {
  const at = messages[index];
  return at?.id === id ? at : messages.find((m) => m.id === id);
}

/**
 * One message of the chat on screen, for its own row in the list: a streamed answer changes
 * the store on every chunk, and only its row renders again (the list does not), at most once
 * per animation frame, in that frame's callbacks. So the log's DOM changes only there, just
 * before the browser lays it out anyway: the scroll handlers and the follow pin, which read the
 * layout at the frame's start, find it clean instead of forcing a layout of the log in script.
 * A render for another reason (the list's) reads the store as it is.
 */
export function useFramedMessage(id: string, index: number): ChatMessage | undefined {
  const subscribe = useCallback(
    (onChange: () => void) => {
      let frame = 0;
      const unsubscribe = useChatStore.subscribe((state, previous) => {
        if (frame || state.messages === previous.messages) return;
        if (pick(state.messages, index, id) === pick(previous.messages, index, id)) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          onChange();
        });
      });
      return () => {
        cancelAnimationFrame(frame);
        unsubscribe();
      };
    },
    [id, index],
  );
  return useSyncExternalStore(subscribe, () => pick(useChatStore.getState().messages, index, id));
}
