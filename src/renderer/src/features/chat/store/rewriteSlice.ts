import type { StateCreator } from 'zustand';
import type { SendMessageResponse } from '../../../../../shared/ipc';
import { attachmentParts, textParts } from '../../../../../shared/messageParts';
import { api } from '../../../lib/api';
import { placeholder, startInShownChat, type SetChat } from './chatStart';
import type { ChatMessage, ChatState } from './chatStore';

/** Answers written again from an earlier place in the thread: regenerate, edit, continue. */
export type RewriteSlice = Pick<ChatState, 'regenerate' | 'editAndResend' | 'continueAnswer'>;

/**
 * Puts a new turn in place of `messageId` and everything after it. `newTurn` gets the versions
 * that place had so far (the replaced message's, or just its id), to add the new one to.
 */
function restartAt(
  set: SetChat,
  messageId: string,
  ids: SendMessageResponse,
  newTurn: (versionIds: string[]) => ChatMessage[],
): void {
  set((state) => {
    const index = state.messages.findIndex((m) => m.id === messageId);
    const kept = index === -1 ? state.messages : state.messages.slice(0, index);
    const versionIds = state.messages[index]?.versionIds ?? [messageId];
    return {
      activeStreamId: ids.streamId,
      starting: null,
      sendError: null,
      messages: [...kept, ...newTurn(versionIds)],
    };
  });
}

export const createRewriteSlice: StateCreator<ChatState, [], [], RewriteSlice> = (set, get) => ({
  async regenerate(messageId) {
    const ids = await startInShownChat(set, get, (conversationId) =>
      api.regenerateMessage({ conversationId, messageId }),
    );
    if (!ids) return;
    restartAt(set, messageId, ids, (versionIds) => [
      placeholder(ids.assistantMessageId, [...versionIds, ids.assistantMessageId]),
    ]);
  },

  async editAndResend(messageId, text) {
    // Main keeps the question's attachments with the new text; so does the thread shown.
    const kept = attachmentParts(get().messages.find((m) => m.id === messageId)?.parts ?? []);
    const ids = await startInShownChat(set, get, (conversationId) =>
      api.editMessage({ conversationId, messageId, text }),
    );
    if (!ids) return;
    restartAt(set, messageId, ids, (versionIds) => [
      {
        id: ids.userMessageId,
        role: 'user',
        parts: [...kept, ...textParts(text)],
        streaming: false,
        versionIds: [...versionIds, ids.userMessageId],
      },
      placeholder(ids.assistantMessageId, [ids.assistantMessageId]),
    ]);
  },

  async continueAnswer(messageId) {
    const ids = await startInShownChat(set, get, (conversationId) =>
      api.continueMessage({ conversationId, messageId }),
    );
    if (!ids) return;
    set((state) => ({
      activeStreamId: ids.streamId,
      starting: null,
      sendError: null,
      messages: state.messages.map((m) =>
        m.id === messageId
          ? // Reloaded at its end: the store adds both calls up into the whole answer's figures.
            {
              ...m,
              streaming: true,
              finishReason: undefined,
              error: undefined,
              resyncOnFinish: true,
            }
          : m,
      ),
    }));
  },
});
