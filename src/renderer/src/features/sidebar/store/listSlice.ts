import type { StateCreator } from 'zustand';
import { api } from '../../../lib/api';
import type { ConversationsState } from './conversationsStore';
import { ipcErrorText } from '../../../lib/i18n';

const PAGE_SIZE = 50;

/** The list itself: its pages, search hits, and the edits made in a row (rename, pin). */
export type ListSlice = Pick<
  ConversationsState,
  'refresh' | 'loadMore' | 'rename' | 'setPinned' | 'search'
>;

let searchSeq = 0;

export const createListSlice: StateCreator<ConversationsState, [], [], ListSlice> = (set, get) => ({
  async refresh() {
    // Reload as many rows as are shown, so a refresh never shrinks the list under the person.
    const limit = Math.min(200, Math.max(PAGE_SIZE, get().items.length));
    const result = await api.listConversations({ limit });
    if (!result.ok) return void set({ error: ipcErrorText(result.error) });
    set({ items: result.value.items, nextCursor: result.value.nextCursor, error: null });
    if (get().query) await get().search(get().query);
  },

  async loadMore() {
    const { nextCursor, loading } = get();
    if (!nextCursor || loading) return;
    set({ loading: true });
    const result = await api.listConversations({ cursor: nextCursor, limit: PAGE_SIZE });
    if (!result.ok) return void set({ loading: false, error: ipcErrorText(result.error) });
    const known = new Set(get().items.map((c) => c.id));
    set((state) => ({
      loading: false,
      items: [...state.items, ...result.value.items.filter((c) => !known.has(c.id))],
      nextCursor: result.value.nextCursor,
    }));
  },

  async rename(id, title) {
    const result = await api.renameConversation({ conversationId: id, title });
    if (!result.ok)
      return void set({ notice: { kind: 'error', text: ipcErrorText(result.error) } });
    set((state) => ({ items: state.items.map((c) => (c.id === id ? result.value : c)) }));
  },

  async setPinned(id, pinned) {
    const result = await api.pinConversation({ conversationId: id, pinned });
    if (!result.ok)
      return void set({ notice: { kind: 'error', text: ipcErrorText(result.error) } });
    await get().refresh();
  },

  async search(query) {
    const seq = ++searchSeq;
    set({ query });
    if (!query.trim()) return void set({ hits: [] });
    const result = await api.searchConversations({ query, limit: 30 });
    // Only the latest keystroke's answer may land, whatever order they come back in.
    if (seq !== searchSeq) return;
    set({ hits: result.ok ? result.value : [] });
  },
});
