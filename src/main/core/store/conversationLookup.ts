import type { ConversationDetail, ConversationThread } from '../../../shared/conversations';
import { HandlerError } from '../../../shared/result';
import type { Store } from './Store';
import { spoken } from '../../../shared/said';

/** A conversation that is gone is `not_found` for the renderer, in the same words everywhere. */
export function found<T>(value: T | null): T {
  if (value === null) throw new HandlerError('not_found', spoken('ipc.conversationGone'));
  return value;
}

/** The conversation with the thread it shows (the versions chosen lead to its current leaf). */
export function threadOf(store: Store, conversationId: string): ConversationThread {
  const conversation: ConversationDetail = found(store.conversations.get(conversationId));
  const source = conversation.forkedFrom;
  // A fork names its source as it is now (renamed, or gone: null).
  if (source)
    conversation.forkedFrom = {
      ...source,
      title: store.conversations.get(source.conversationId)?.title ?? null,
    };
  return {
    conversation,
    messages: store.messages.thread(conversationId, conversation.currentLeafId),
  };
}
