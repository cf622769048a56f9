import { randomUUID } from 'node:crypto';
import type { ConversationThread, StoredMessage } from '../../../shared/conversations';
import { HandlerError } from '../../../shared/result';
import { found, threadOf } from './conversationLookup';
import type { Store } from './Store';
import { spoken } from '../../../shared/said';

/**
 * "Fork from here": a new conversation holding the path from the root to `messageId` (copies
 * with new ids, every part whole, attachments' parts included as they are), the source's
 * settings, and a link back to where it came from. One transaction: a fork is whole or absent.
 * The source is not changed.
 */
export function forkConversation(
  store: Store,
  request: { conversationId: string; messageId: string },
): ConversationThread {
  const source = found(store.conversations.get(request.conversationId));
  const target = store.messages.get(request.messageId);
  if (!target || target.conversationId !== source.id)
    throw new HandlerError('not_found', spoken('ipc.messageGone'));
  if (target.status === 'streaming')
    throw new HandlerError('conflict', spoken('ipc.waitBeforeFork'));
  const path = store.messages.pathTo(target.id);
  const forkId = store.db.transaction(() => {
    const fork = store.conversations.create({
      title: forkTitle(source.title),
      settings: {
        profileId: source.profileId,
        model: source.model,
        systemPrompt: source.systemPrompt,
        parameters: source.parameters,
      },
      forkedFrom: { conversationId: source.id, messageId: target.id },
    });
    // A title the person did not type would be replaced by the first answer's auto-title.
    store.conversations.rename(fork.id, fork.title);
    const copies = copyPath(path, fork.id);
    for (const copy of copies) store.messages.insertRaw(copy);
    store.conversations.touch(fork.id, copies.at(-1)?.id ?? null);
    return fork.id;
  })();
  return threadOf(store, forkId);
}

/** The path as a new line of messages: new ids, each the parent of the next, nothing else changed. */
function copyPath(path: readonly StoredMessage[], conversationId: string): StoredMessage[] {
  const ids = path.map(() => randomUUID());
  return path.map((message, index) => ({
    ...message,
    id: ids[index]!,
    conversationId,
    parentId: index === 0 ? null : ids[index - 1]!,
    shownChildId: ids[index + 1] ?? null,
  }));
}

function forkTitle(title: string): string {
  const base = title.trim() || 'Untitled conversation';
  return `${base.slice(0, 190)} (fork)`;
}
