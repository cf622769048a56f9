import type { StateCreator } from 'zustand';
import { api } from '../../../lib/api';
import { toChatMessage } from '../lib/threadMessages';
import { selectBusy } from './chatStart';
import type { ChatState } from './chatStore';
import { chatSettingsForNewChat, chatSettingsFromConversation } from './composerSettings';
import { markRead, parkStreaming, reattach, useStreamActivity } from './streamSubscriptions';
import { ipcErrorText } from '../../../lib/i18n';

/** Which conversation is on screen and which of its versions: open, new, switch, delete. */
export type ThreadSlice = Pick<
  ChatState,
  'newConversation' | 'openConversation' | 'selectVersion' | 'deleteMessage'
>;

/** The stream writing in this conversation, if one is (it may have started while it was hidden). */
function streamOf(conversationId: string | null): string | null {
  if (!conversationId) return null;
  return useStreamActivity.getState().generating[conversationId] ?? null;
}

export const createThreadSlice: StateCreator<ChatState, [], [], ThreadSlice> = (set, get) => {
  /** Leaving the chat on screen: its running answer goes on in the background, never stopped. */
  const leaveShownChat = (): void => parkStreaming(get().conversationId, get().messages);

  return {
    newConversation() {
      leaveShownChat();
      set({
        conversationId: null,
        messages: [],
        activeStreamId: null,
        sendError: null,
        focusMessageId: null,
        forkedFrom: null,
      });
      chatSettingsForNewChat();
    },

    async openConversation(conversationId, focusMessageId) {
      let result = await api.getConversation({ conversationId });
      // A search hit may sit on another version than the one shown: switch to the hit's branch.
      if (
        result.ok &&
        focusMessageId &&
        !result.value.messages.some((m) => m.id === focusMessageId)
      ) {
        result = await api.selectMessageVersion({ conversationId, messageId: focusMessageId });
      }
      if (!result.ok) {
        set({ sendError: ipcErrorText(result.error) });
        return false;
      }
      if (get().conversationId !== conversationId) leaveShownChat();
      const messages = reattach(result.value.messages.map(toChatMessage));
      const streaming = messages.some((m) => m.streaming);
      markRead(conversationId);
      set({
        conversationId,
        messages,
        activeStreamId: streaming ? streamOf(conversationId) : null,
        sendError: null,
        focusMessageId: focusMessageId ?? null,
        forkedFrom: result.value.conversation.forkedFrom ?? null,
      });
      chatSettingsFromConversation(result.value.conversation);
      return true;
    },

    async selectVersion(messageId) {
      const conversationId = get().conversationId;
      if (!conversationId || selectBusy(get())) return;
      const result = await api.selectMessageVersion({ conversationId, messageId });
      if (result.ok) set({ messages: result.value.messages.map(toChatMessage) });
      else set({ sendError: ipcErrorText(result.error) });
    },

    async deleteMessage(messageId) {
      const conversationId = get().conversationId;
      if (!conversationId || selectBusy(get())) return;
      const result = await api.deleteMessage({ conversationId, messageId });
      if (result.ok) set({ messages: result.value.messages.map(toChatMessage), sendError: null });
      else set({ sendError: ipcErrorText(result.error) });
    },
  };
};
