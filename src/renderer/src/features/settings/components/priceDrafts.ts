import { create } from 'zustand';
import type { PriceEntry } from '../../../../../shared/usage';

/** A price row as typed, before Save: text, so half-typed numbers survive. */
export interface PriceDraft {
  model: string;
  provider: PriceEntry['provider'];
  input: string;
  cached: string;
  output: string;
}

export const emptyPriceDraft: PriceDraft = {
  model: '',
  provider: 'openai',
  input: '',
  cached: '',
  output: '',
};

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
