import type { StateCreator } from 'zustand';
import { api } from '../../../lib/api';
import type { ChatState } from './chatStore';
import { ipcErrorText } from '../../../lib/i18n';

/** "Fork from here": main copies the path into a new conversation, which then opens. */
export type ForkSlice = Pick<ChatState, 'fork'>;

export const createForkSlice: StateCreator<ChatState, [], [], ForkSlice> = (set, get) => ({
  async fork(messageId) {
    const conversationId = get().conversationId;
    if (!conversationId) return;
    const result = await api.forkConversation({ conversationId, messageId });
    if (!result.ok) {
      set({ sendError: ipcErrorText(result.error) });
      return;
    }
    await get().openConversation(result.value.conversation.id);
  },
});
