import { create } from 'zustand';
import { emptyPriceDraft, type PriceDraft } from '../lib/priceDraft';

type Update<T> = T | ((current: T) => T);

interface PriceDrafts {
  drafts: Record<string, PriceDraft>;
  added: PriceDraft;
  setDrafts(update: Update<Record<string, PriceDraft>>): void;
  setAdded(update: Update<PriceDraft>): void;
}

/**
 * Price rows typed but not saved yet. Kept outside the dialog, so closing Settings (or looking at
 * a profile) and coming back finds them as they were; only Save or a reload drops them.
 */
export const usePriceDrafts = create<PriceDrafts>((set) => ({
  drafts: {},
  added: emptyPriceDraft,
  setDrafts: (update) =>
    set((state) => ({ drafts: typeof update === 'function' ? update(state.drafts) : update })),
  setAdded: (update) =>
    set((state) => ({ added: typeof update === 'function' ? update(state.added) : update })),
}));
