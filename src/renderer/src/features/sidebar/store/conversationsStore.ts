import { create } from 'zustand';
import type {
  ConversationSummary,
  ExportFormat,
  ImportDuplicateChoice,
  ImportPreview,
  SearchHit,
} from '../../../../../shared/conversations';
import { api } from '../../../lib/api';
import { createListSlice } from './listSlice';
import { createRemovalSlice } from './removalSlice';
import { createTransferSlice } from './transferSlice';

export { UNDO_MS } from './removalSlice';

interface PendingUndo {
  id: string;
  title: string;
}

/** A file read and checked, waiting for the person to say what happens to what is already here. */
export interface PendingImport {
  fileName: string;
  content: string;
  preview: ImportPreview;
}

export interface ConversationsState {
  items: ConversationSummary[];
  nextCursor: string | null;
  loading: boolean;
  /** A failure to reach the history (e.g. a database from a newer version), shown in the sidebar. */
  error: string | null;
  /** What the last export or import did, or why it failed. */
  notice: { kind: 'info' | 'error'; text: string } | null;
  pendingUndo: PendingUndo | null;
  query: string;
  hits: SearchHit[];
  refresh(): Promise<void>;
  loadMore(): Promise<void>;
  rename(id: string, title: string): Promise<void>;
  setPinned(id: string, pinned: boolean): Promise<void>;
  remove(id: string): Promise<void>;
  undoRemove(): Promise<void>;
  dismissUndo(): void;
  search(query: string): Promise<void>;
  exportConversations(format: ExportFormat, conversationIds?: string[]): Promise<void>;
  pendingImport: PendingImport | null;
  /** Reads the file; asks first (`pendingImport`) when some of it is already here. */
  importFile(file: File): Promise<void>;
  /** The person's answer to `pendingImport`; null cancels, writing nothing. */
  finishImport(choice: ImportDuplicateChoice | null): Promise<void>;
}

/** The sidebar's state: pages of conversations, search hits, undo and import/export notices. */
export const useConversationsStore = create<ConversationsState>()((...a) => ({
  items: [],
  nextCursor: null,
  loading: false,
  error: null,
  notice: null,
  pendingUndo: null,
  query: '',
  hits: [],
  pendingImport: null,
  ...createListSlice(...a),
  ...createRemovalSlice(...a),
  ...createTransferSlice(...a),
}));

/** Keeps the sidebar current as main reports changes (new conversation, answer, title). */
export function subscribeToConversations(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const off = api.on('conversationsChanged', () => {
    // Bursts (an answer's start and end, its title) become one reload.
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void useConversationsStore.getState().refresh(), 100);
  });
  void useConversationsStore.getState().refresh();
  return off;
}
