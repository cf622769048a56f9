import type { StateCreator } from 'zustand';
import { api } from '../../../lib/api';
import type { ConversationsState } from './conversationsStore';
import { ipcErrorText } from '../../../lib/i18n';

/** How long "Undo" stays offered after a delete (main keeps the row for 60 s). */
export const UNDO_MS = 8_000;

/** Deleting a conversation, with the few seconds in which it can be taken back. */
export type RemovalSlice = Pick<ConversationsState, 'remove' | 'undoRemove' | 'dismissUndo'>;

let undoTimer: ReturnType<typeof setTimeout> | null = null;

export const createRemovalSlice: StateCreator<ConversationsState, [], [], RemovalSlice> = (
  set,
  get,
) => ({
  async remove(id) {
    const title = get().items.find((c) => c.id === id)?.title ?? 'Conversation';
    const result = await api.deleteConversation({ conversationId: id });
    if (!result.ok)
      return void set({ notice: { kind: 'error', text: ipcErrorText(result.error) } });
    set((state) => ({ items: state.items.filter((c) => c.id !== id), pendingUndo: { id, title } }));
    if (undoTimer) clearTimeout(undoTimer);
    undoTimer = setTimeout(() => get().dismissUndo(), UNDO_MS);
  },

  async undoRemove() {
    const pending = get().pendingUndo;
    if (!pending) return;
    set({ pendingUndo: null });
    const result = await api.restoreConversation({ conversationId: pending.id });
    if (!result.ok)
      return void set({ notice: { kind: 'error', text: ipcErrorText(result.error) } });
    await get().refresh();
  },

  dismissUndo() {
    if (undoTimer) clearTimeout(undoTimer);
    undoTimer = null;
    set({ pendingUndo: null });
  },
});
