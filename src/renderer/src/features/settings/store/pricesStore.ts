/**
 * The price table main serves (shipped prices and the person's edits). Message footers price
 * answers with it through the shared pricing code, with the same table and edits main uses for
 * the ledger.
 */
import { create } from 'zustand';
import type { RequestOf } from '../../../../../shared/ipc';
import { costOf, findPrice } from '../../../../../shared/pricing';
import type { IpcResult } from '../../../../../shared/result';
import type { PriceList } from '../../../../../shared/usage';
import { api } from '../../../lib/api';
import { setCostEstimator } from '../../../lib/cost';
import { ipcErrorText } from '../../../lib/i18n';

interface PricesState {
  list: PriceList | null;
  error: string | null;
  load(): Promise<void>;
  /** True when main kept the price (the edit can be dropped from the drafts). */
  setOverride(override: RequestOf<'setPriceOverride'>): Promise<boolean>;
  removeOverride(model: string): Promise<boolean>;
  /** An error found before anything is sent (a price that is not a number). */
  refuse(message: string): void;
}

function applyPriceList(list: PriceList): void {
  setCostEstimator((model, usage) => costOf(usage, findPrice(model, list.prices)));
}

export const usePricesStore = create<PricesState>((set) => {
  const take = (result: IpcResult<PriceList>): boolean => {
    if (!result.ok) {
      set({ error: ipcErrorText(result.error) });
      return false;
    }
    set({ list: result.value, error: null });
    applyPriceList(result.value);
    return true;
  };
  return {
    list: null,
    error: null,
    load: async () => void take(await api.listPrices({})),
    setOverride: async (override) => take(await api.setPriceOverride(override)),
    removeOverride: async (model) => take(await api.removePriceOverride({ model })),
    refuse: (message) => set({ error: message }),
  };
});

/** Loads the price list once at start, so footers show costs before Settings is ever opened. */
export function loadPriceList(): Promise<void> {
  return usePricesStore.getState().load();
}
