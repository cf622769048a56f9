import { randomUUID } from 'node:crypto';
import type {
  ImportDuplicateChoice,
  ImportPreview,
  ImportSummary,
  StoredMessage,
} from '../../../shared/conversations';
import type { ExportedConversation } from './exportConversations';
import { readImportFile } from './readImportFile';
import type { Store } from './Store';

/** Counts what a file holds and how much of it the history already has; writes nothing. */
export function previewImport(store: Store, content: string): ImportPreview {
  const file = readImportFile(content);
  const ids = new Set(file.conversations.map((entry) => entry.conversation.id));
  return {
    format: file.format,
    conversations: file.conversations.length,
    messages: file.conversations.reduce((sum, entry) => sum + entry.messages.length, 0),
    alreadyPresent: [...ids].filter((id) => store.conversations.get(id) !== null).length,
  };
}

/**
 * Imports a Switchboard JSON export or a ChatGPT `conversations.json`. A conversation the
 * history already shows (same id) is skipped, replaced or kept beside ours as `duplicates`
 * says. The whole file is checked first and written in one transaction: a bad file, or a
 * failure half-way, changes nothing.
 */
export function importConversations(
  store: Store,
  content: string,
  duplicates: ImportDuplicateChoice,
): ImportSummary {
  const { format, conversations } = readImportFile(content);
  const summary: ImportSummary = {
    format,
    conversations: 0,
    messages: 0,
    skipped: 0,
    replaced: 0,
    keptBoth: 0,
  };
  store.db.transaction(() => {
    // Ids this import wrote: a file listing one conversation twice is not "already present".
    const written = new Set<string>();
    for (const entry of conversations) {
      const id = entry.conversation.id;
      const present = !written.has(id) && store.conversations.get(id) !== null;
      let fresh: ExportedConversation;
      if (present && duplicates === 'skip') {
        summary.skipped++;
        continue;
      } else if (present && duplicates === 'replace') {
        store.conversations.purge(id);
        // Its ids stay; only a message id used by another conversation must change.
        fresh = entry.messages.some((m) => store.messages.exists(m.id))
          ? withNewIds(entry, id)
          : entry;
        summary.replaced++;
      } else if (present) {
        fresh = withNewIds(entry, randomUUID());
        summary.keptBoth++;
      } else {
        // A deleted one still in its undo window, or a repeat within the file: a copy beside it.
        fresh = needsNewIds(store, entry) ? withNewIds(entry, randomUUID()) : entry;
      }
      store.conversations.insertRaw(fresh.conversation, fresh.conversation.titleSource);
      for (const stored of fresh.messages) store.messages.insertRaw(stored);
      written.add(fresh.conversation.id);
      summary.conversations++;
      summary.messages += fresh.messages.length;
    }
  })();
  return summary;
}

function needsNewIds(store: Store, entry: ExportedConversation): boolean {
  return (
    store.conversations.exists(entry.conversation.id) ||
    entry.messages.some((m) => store.messages.exists(m.id))
  );
}

/** The same conversation under `conversationId` with new message ids, its tree kept. */
function withNewIds(entry: ExportedConversation, conversationId: string): ExportedConversation {
  const ids = new Map(entry.messages.map((m) => [m.id, randomUUID()]));
  const remap = (id: string | null) => (id === null ? null : (ids.get(id) ?? null));
  const messages: StoredMessage[] = entry.messages.map((m) => ({
    ...m,
    id: ids.get(m.id) ?? randomUUID(),
    conversationId,
    parentId: remap(m.parentId),
    shownChildId: remap(m.shownChildId ?? null),
  }));
  return {
    conversation: {
      ...entry.conversation,
      id: conversationId,
      currentLeafId: remap(entry.conversation.currentLeafId),
    },
    messages,
  };
}
