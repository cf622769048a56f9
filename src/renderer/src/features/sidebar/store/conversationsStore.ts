import { create } from 'zustand';
import type {
  ConversationSummary,
  ExportFormat,
  ImportDuplicateChoice,
  ImportPreview,
  ImportSummary,
  SearchHit,
} from '../../../../../shared/conversations';
import { api } from '../../../lib/api';
import { offerDownload } from '../../../lib/download';

const PAGE_SIZE = 50;
/** How long "Undo" stays offered after a delete (main keeps the row for 60 s). */
export const UNDO_MS = 8_000;

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

interface ConversationsState {
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

let undoTimer: ReturnType<typeof setTimeout> | null = null;
let searchSeq = 0;

/** The sidebar's state: pages of conversations, search hits, undo and import/export notices. */
export const useConversationsStore = create<ConversationsState>((set, get) => ({
  items: [],
  nextCursor: null,
  loading: false,
  error: null,
  notice: null,
  pendingUndo: null,
  query: '',
  hits: [],
  pendingImport: null,

  async refresh() {
    // Reload as many rows as are shown, so a refresh never shrinks the list under the person.
    const limit = Math.min(200, Math.max(PAGE_SIZE, get().items.length));
    const result = await api.listConversations({ limit });
    if (!result.ok) return void set({ error: result.error.message });
    set({ items: result.value.items, nextCursor: result.value.nextCursor, error: null });
    if (get().query) await get().search(get().query);
  },

  async loadMore() {
    const { nextCursor, loading } = get();
    if (!nextCursor || loading) return;
    set({ loading: true });
    const result = await api.listConversations({ cursor: nextCursor, limit: PAGE_SIZE });
    if (!result.ok) return void set({ loading: false, error: result.error.message });
    const known = new Set(get().items.map((c) => c.id));
    set((state) => ({
      loading: false,
      items: [...state.items, ...result.value.items.filter((c) => !known.has(c.id))],
      nextCursor: result.value.nextCursor,
    }));
  },

  async rename(id, title) {
    const result = await api.renameConversation({ conversationId: id, title });
    if (!result.ok) return void set({ notice: { kind: 'error', text: result.error.message } });
    set((state) => ({ items: state.items.map((c) => (c.id === id ? result.value : c)) }));
  },

  async setPinned(id, pinned) {
    const result = await api.pinConversation({ conversationId: id, pinned });
    if (!result.ok) return void set({ notice: { kind: 'error', text: result.error.message } });
    await get().refresh();
  },

  async remove(id) {
    const title = get().items.find((c) => c.id === id)?.title ?? 'Conversation';
    const result = await api.deleteConversation({ conversationId: id });
    if (!result.ok) return void set({ notice: { kind: 'error', text: result.error.message } });
    set((state) => ({ items: state.items.filter((c) => c.id !== id), pendingUndo: { id, title } }));
    if (undoTimer) clearTimeout(undoTimer);
    undoTimer = setTimeout(() => get().dismissUndo(), UNDO_MS);
  },

  async undoRemove() {
    const pending = get().pendingUndo;
    if (!pending) return;
    set({ pendingUndo: null });
    const result = await api.restoreConversation({ conversationId: pending.id });
    if (!result.ok) return void set({ notice: { kind: 'error', text: result.error.message } });
    await get().refresh();
  },

  dismissUndo() {
    if (undoTimer) clearTimeout(undoTimer);
    undoTimer = null;
    set({ pendingUndo: null });
  },

  async search(query) {
    const seq = ++searchSeq;
    set({ query });
    if (!query.trim()) return void set({ hits: [] });
    const result = await api.searchConversations({ query, limit: 30 });
    // Only the latest keystroke's answer may land, whatever order they come back in.
    if (seq !== searchSeq) return;
    set({ hits: result.ok ? result.value : [] });
  },

  async exportConversations(format, conversationIds) {
    const result = await api.exportConversations({
      format,
      ...(conversationIds ? { conversationIds } : {}),
    });
    if (!result.ok) return void set({ notice: { kind: 'error', text: result.error.message } });
    offerDownload(result.value);
    const { fileName, warning } = result.value;
    set({
      notice: warning
        ? { kind: 'error', text: `Exported ${fileName}, but ${warning}` }
        : { kind: 'info', text: `Exported ${fileName}` },
    });
  },

  async importFile(file) {
    const content = await file.text();
    if (!content)
      return void set({
        notice: { kind: 'error', text: `${file.name} is empty: nothing was imported.` },
      });
    const preview = await api.previewImport({ content });
    if (!preview.ok) {
      return void set({
        notice: { kind: 'error', text: `${file.name} was not imported: ${preview.error.message}` },
      });
    }
    set({ pendingImport: { fileName: file.name, content, preview: preview.value } });
    // Nothing here yet: no question to ask (skip is the safe answer if something came meanwhile).
    if (preview.value.alreadyPresent === 0) await get().finishImport('skip');
  },

  async finishImport(choice) {
    const pending = get().pendingImport;
    set({ pendingImport: null });
    if (!pending || !choice) return;
    const result = await api.importConversations({ content: pending.content, duplicates: choice });
    if (!result.ok) {
      return void set({
        notice: {
          kind: 'error',
          text: `${pending.fileName} was not imported: ${result.error.message}`,
        },
      });
    }
    set({ notice: { kind: 'info', text: importNotice(result.value) } });
    await get().refresh();
  },
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

function conversationsCount(n: number): string {
  return `${n} conversation${n === 1 ? '' : 's'}`;
}

/** "Imported 2 conversations (4 messages); 1 already here was skipped." */
function importNotice(summary: ImportSummary): string {
  const { conversations, messages, skipped, replaced, keptBoth } = summary;
  const parts = [`Imported ${conversationsCount(conversations)} (${messages} messages)`];
  const here = (n: number, what: string) => `${n} already here ${n === 1 ? 'was' : 'were'} ${what}`;
  if (skipped) parts.push(here(skipped, 'skipped'));
  if (replaced) parts.push(here(replaced, 'replaced'));
  if (keptBoth)
    parts.push(
      `${here(keptBoth, 'kept')}, the ${keptBoth === 1 ? 'copy' : 'copies'} from the file beside ${keptBoth === 1 ? 'it' : 'them'}`,
    );
  return `${parts.join('; ')}.`;
}
