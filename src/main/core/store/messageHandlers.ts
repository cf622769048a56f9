import type { EventSink, IpcHandlers } from '../../../shared/ipc';
import { HandlerError } from '../../../shared/result';
import type { ChatService } from '../chat/ChatService';
import { found, threadOf } from './conversationLookup';
import type { Store } from './Store';
import { spoken } from '../../../shared/said';

type MessageHandlers = Pick<
  IpcHandlers,
  'selectMessageVersion' | 'deleteMessage' | 'regenerateMessage' | 'editMessage' | 'continueMessage'
>;

/**
 * The channels on one message of a thread: flip to another version, delete a branch, and the
 * ones that ask for a new answer (regenerate, edit, continue), which the chat service runs.
 */
export function createMessageHandlers(deps: {
  store: Store;
  chat: ChatService;
  emit: EventSink;
}): MessageHandlers {
  const { store, chat, emit } = deps;
  return {
    selectMessageVersion: async ({ conversationId, messageId }) => {
      const message = store.messages.get(messageId);
      if (!message || message.conversationId !== conversationId)
        throw new HandlerError('not_found', spoken('ipc.messageGone'));
      found(store.conversations.get(conversationId));
      store.conversations.setCurrentLeaf(
        conversationId,
        store.messages.leafFrom(conversationId, messageId),
      );
      return threadOf(store, conversationId);
    },
    deleteMessage: async ({ conversationId, messageId }) => {
      const message = store.messages.get(messageId);
      if (!message || message.conversationId !== conversationId)
        throw new HandlerError('not_found', spoken('ipc.messageGone'));
      if (chat.isStreaming(conversationId))
        throw new HandlerError('conflict', spoken('ipc.stopBeforeDeleting'));
      // The thread goes on through the newest remaining version at that place, else its parent.
      const siblings = store.messages
        .versionIds(conversationId, message.parentId)
        .filter((id) => id !== messageId);
      store.messages.deleteBranch(conversationId, messageId);
      const next = siblings.at(-1);
      store.conversations.touch(
        conversationId,
        next ? store.messages.leafFrom(conversationId, next) : message.parentId,
      );
      emit('conversationsChanged', { conversationId });
      return threadOf(store, conversationId);
    },
    regenerateMessage: async (request) => chat.regenerate(request),
    editMessage: async (request) => chat.edit(request),
    continueMessage: async (request) => chat.continue(request),
  };
}
