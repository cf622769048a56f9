import type { EventSink, IpcHandlers } from '../../../shared/ipc';
import type { ChatService } from '../chat/ChatService';
import { createConversationFileHandlers } from './conversationFileHandlers';
import { found, threadOf } from './conversationLookup';
import { forkConversation } from './forkConversation';
import { UNDO_WINDOW_MS } from './ConversationStore';
import { createMessageHandlers } from './messageHandlers';
import type { Store } from './Store';

type ConversationHandlers = Pick<
  IpcHandlers,
  | 'listConversations'
  | 'getConversation'
  | 'renameConversation'
  | 'pinConversation'
  | 'deleteConversation'
  | 'restoreConversation'
  | 'updateConversationSettings'
  | 'selectMessageVersion'
  | 'forkConversation'
  | 'regenerateMessage'
  | 'deleteMessage'
  | 'editMessage'
  | 'continueMessage'
  | 'searchConversations'
  | 'exportConversations'
  | 'previewImport'
  | 'importConversations'
>;

/**
 * The conversation channels of the handler table, over the store and the chat service: the list
 * and each conversation's own settings here; its messages and its files in their own tables.
 */
export function createConversationHandlers(deps: {
  store: Store;
  chat: ChatService;
  emit: EventSink;
  now?: () => number;
  /** A conversation an export had to leave out (a damaged page): the history becomes read-only. */
  reportFault?: (error: unknown) => void;
}): ConversationHandlers {
  const { store, chat, emit } = deps;
  const now = deps.now ?? Date.now;
  const changed = (conversationId: string | null) =>
    emit('conversationsChanged', { conversationId });

  return {
    listConversations: async ({ cursor, limit }) =>
      store.conversations.list({ cursor: cursor ?? null, limit }),
    getConversation: async ({ conversationId }) => threadOf(store, conversationId),
    renameConversation: async ({ conversationId, title }) => {
      const summary = found(store.conversations.rename(conversationId, title));
      changed(conversationId);
      return summary;
    },
    pinConversation: async ({ conversationId, pinned }) => {
      const summary = found(store.conversations.setPinned(conversationId, pinned));
      changed(conversationId);
      return summary;
    },
    deleteConversation: async ({ conversationId }) => {
      const deleted = store.conversations.softDelete(conversationId);
      // Deletions older than the undo window go for good now, so they never pile up.
      store.conversations.purgeDeleted(now() - UNDO_WINDOW_MS);
      changed(conversationId);
      return { deleted };
    },
    restoreConversation: async ({ conversationId }) => {
      const summary = found(store.conversations.restore(conversationId));
      changed(conversationId);
      return summary;
    },
    updateConversationSettings: async ({ conversationId, ...settings }) => {
      const patch = {
        ...(settings.profileId !== undefined ? { profileId: settings.profileId } : {}),
        ...(settings.model !== undefined ? { model: settings.model } : {}),
        ...(settings.systemPrompt !== undefined
          ? { systemPrompt: settings.systemPrompt || null }
          : {}),
        ...(settings.parameters !== undefined ? { parameters: settings.parameters } : {}),
      };
      return found(store.conversations.updateSettings(conversationId, patch));
    },
    searchConversations: async ({ query, limit }) => store.search.search(query, limit),
    forkConversation: async (request) => {
      const thread = forkConversation(store, request);
      changed(thread.conversation.id);
      return thread;
    },
    ...createMessageHandlers({ store, chat, emit }),
    ...createConversationFileHandlers({
      store,
      now,
      changed: () => changed(null),
      reportFault: deps.reportFault,
    }),
  };
}
