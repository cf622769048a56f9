/**
 * Knowledge bases as main keeps them: the collections, each one's last index pass (updated live
 * by `knowledgeProgress`), and the documents of the collections opened. Files stay where they
 * are; only their folder's path crosses.
 */
import { create } from 'zustand';
import type {
  IndexProgress,
  KnowledgeCollection,
  KnowledgeDocument,
  NewCollection,
} from '../../../../../shared/knowledge';
import { api } from '../../../lib/api';
import { ipcErrorText } from '../../../lib/i18n';

interface KnowledgeState {
  collections: KnowledgeCollection[] | null;
  progress: Record<string, IndexProgress>;
  documents: Record<string, KnowledgeDocument[]>;
  error: string | null;
  load(): Promise<void>;
  /** True when made (its first pass has started); false with `error` set when refused. */
  create(input: NewCollection): Promise<boolean>;
  remove(id: string): Promise<void>;
  /** Resume a cancelled pass, or index again (only what changed is read). */
  index(id: string): Promise<void>;
  cancel(id: string): Promise<void>;
  loadDocuments(id: string): Promise<void>;
}

export const useKnowledgeStore = create<KnowledgeState>((set, get) => {
  const fail = (message: string) => set({ error: message });
  return {
    collections: null,
    progress: {},
    documents: {},
    error: null,
    async load() {
      const result = await api.listKnowledge({});
      if (!result.ok) return fail(ipcErrorText(result.error));
      const progress = Object.fromEntries(result.value.progress.map((p) => [p.collectionId, p]));
      set({ collections: result.value.collections, progress: { ...progress, ...get().progress } });
    },
    async create(input) {
      const result = await api.createKnowledgeCollection(input);
      if (!result.ok) {
        fail(ipcErrorText(result.error));
        return false;
      }
      set({ error: null });
      await get().load();
      return true;
    },
    async remove(id) {
      const result = await api.deleteKnowledgeCollection({ id });
      if (!result.ok) return fail(ipcErrorText(result.error));
      await get().load();
    },
    async index(id) {
      const result = await api.indexKnowledgeCollection({ id });
      if (!result.ok) fail(ipcErrorText(result.error));
    },
    async cancel(id) {
      const result = await api.cancelKnowledgeIndex({ id });
      if (!result.ok) fail(ipcErrorText(result.error));
    },
    async loadDocuments(id) {
      const result = await api.listKnowledgeDocuments({ id });
      if (!result.ok) return fail(ipcErrorText(result.error));
      set({ documents: { ...get().documents, [id]: result.value } });
    },
  };
});

/** Follows main's index passes; a pass that ends refreshes the counts (and open documents). */
export function subscribeToKnowledge(): () => void {
  return api.on('knowledgeProgress', (progress) => {
    const store = useKnowledgeStore.getState();
    useKnowledgeStore.setState({
      progress: { ...store.progress, [progress.collectionId]: progress },
    });
    const ended = progress.state !== 'scanning' && progress.state !== 'indexing';
    if (!ended) return;
    void store.load();
    if (store.documents[progress.collectionId]) void store.loadDocuments(progress.collectionId);
  });
}
