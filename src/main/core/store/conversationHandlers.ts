import type { ConversationThread } from '../../../shared/conversations';
import type { EventSink, IpcHandlers } from '../../../shared/ipc';
import { HandlerError } from '../../../shared/result';
import type { ChatService } from '../chat/ChatService';
import { UNDO_WINDOW_MS } from './ConversationStore';
import { collectConversations, toJsonExport, toMarkdownExport } from './exportConversations';
import { importConversations, previewImport } from './importConversations';
import { ImportError } from './ImportError';
import type { Store } from './Store';
import { storageFaultOf } from './storageFault';

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
  | 'regenerateMessage'
  | 'deleteMessage'
  | 'editMessage'
  | 'continueMessage'
  | 'searchConversations'
  | 'exportConversations'
  | 'previewImport'
  | 'importConversations'
>;

/** The conversation channels of the handler table, over the store and the chat service. */
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
  const found = <T>(value: T | null): T => {
    if (value === null) throw new HandlerError('not_found', 'That conversation no longer exists.');
    return value;
  };
  const thread = (conversationId: string): ConversationThread => {
    const conversation = found(store.conversations.get(conversationId));
    return {
      conversation,
      messages: store.messages.thread(conversationId, conversation.currentLeafId),
    };
  };

  return {
    listConversations: async ({ cursor, limit }) =>
      store.conversations.list({ cursor: cursor ?? null, limit }),
    getConversation: async ({ conversationId }) => thread(conversationId),
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
    selectMessageVersion: async ({ conversationId, messageId }) => {
      const message = store.messages.get(messageId);
      if (!message || message.conversationId !== conversationId)
        throw new HandlerError('not_found', 'That message no longer exists.');
      found(store.conversations.get(conversationId));
      store.conversations.setCurrentLeaf(
        conversationId,
        store.messages.leafFrom(conversationId, messageId),
      );
      return thread(conversationId);
    },
    deleteMessage: async ({ conversationId, messageId }) => {
      const message = store.messages.get(messageId);
      if (!message || message.conversationId !== conversationId)
        throw new HandlerError('not_found', 'That message no longer exists.');
      if (chat.isStreaming(conversationId))
        throw new HandlerError('conflict', 'Stop the answer being written before deleting.');
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
      return thread(conversationId);
    },
    regenerateMessage: async (request) => chat.regenerate(request),
    editMessage: async (request) => chat.edit(request),
    continueMessage: async (request) => chat.continue(request),
    searchConversations: async ({ query, limit }) => store.search.search(query, limit),
    exportConversations: async ({ conversationIds, format }) => {
      const ids = conversationIds ?? store.conversations.allIds();
      const conversations = collectConversations(store, ids, {
        skipUnreadable: (error) => {
          if (storageFaultOf(error)?.reason !== 'corrupt') return false;
          deps.reportFault?.(error);
          return true;
        },
      });
      if (conversationIds && conversations.length === 0)
        throw new HandlerError(
          'not_found',
          'Nothing to export: those conversations no longer exist.',
        );
      const file =
        format === 'json'
          ? toJsonExport(conversations, now())
          : toMarkdownExport(conversations, now());
      const skipped = conversations.skipped ?? 0;
      if (skipped === 0) return file;
      const plural = skipped === 1 ? 'conversation sits' : 'conversations sit';
      return {
        ...file,
        warning: `${skipped} ${plural} on damaged parts of the history file and could not be read; ${conversations.length} exported.`,
      };
    },
    previewImport: async ({ content }) => asImportRequest(() => previewImport(store, content)),
    importConversations: async ({ content, duplicates }) => {
      const summary = asImportRequest(() => importConversations(store, content, duplicates));
      changed(null);
      return summary;
    },
  };
}

/** A file that cannot be imported is the person's input: its reason goes back as the message. */
function asImportRequest<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ImportError) throw new HandlerError('invalid_request', error.message);
    throw error;
  }
}
