import type { IpcHandlers } from '../../../shared/ipc';
import { HandlerError } from '../../../shared/result';
import { collectConversations, toJsonExport, toMarkdownExport } from './exportConversations';
import { importConversations, previewImport } from './importConversations';
import { ImportError } from './ImportError';
import type { Store } from './Store';
import { storageFaultOf } from './storageFault';
import { spoken } from '../../../shared/said';

type FileHandlers = Pick<
  IpcHandlers,
  'exportConversations' | 'previewImport' | 'importConversations'
>;

/**
 * Conversations out to a file and in from one. An export reads past damaged pages and says how
 * many it left out; an import that cannot be read says why, and writes nothing.
 */
export function createConversationFileHandlers(deps: {
  store: Store;
  now: () => number;
  /** After an import: the sidebar reloads. */
  changed: () => void;
  /** A conversation an export had to leave out (a damaged page): the history becomes read-only. */
  reportFault?: (error: unknown) => void;
}): FileHandlers {
  const { store } = deps;
  return {
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
        throw new HandlerError('not_found', spoken('ipc.nothingToExport'));
      const file =
        format === 'json'
          ? toJsonExport(conversations, deps.now())
          : toMarkdownExport(conversations, deps.now());
      const skipped = conversations.skipped ?? 0;
      if (skipped === 0) return file;
      const words = spoken('import.exportSkipped', {
        count: skipped,
        exported: conversations.length,
      });
      return { ...file, warning: words.message, warningSaid: words.said };
    },
    previewImport: async ({ content }) => asImportRequest(() => previewImport(store, content)),
    importConversations: async ({ content, duplicates }) => {
      const summary = asImportRequest(() => importConversations(store, content, duplicates));
      deps.changed();
      return summary;
    },
  };
}

/** A file that cannot be imported is the person's input: its reason goes back as the message. */
function asImportRequest<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ImportError) throw new HandlerError('invalid_request', error.words);
    throw error;
  }
}
