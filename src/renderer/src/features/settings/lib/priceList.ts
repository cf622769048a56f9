/**
 * Message footers price answers with the same table, and the same edits, that main uses for the
 * ledger: the shared pricing code over the list main serves.
 */
import { costOf, findPrice } from '../../../../../shared/pricing';
import type { PriceList } from '../../../../../shared/usage';
import { api } from '../../../lib/api';
import { setCostEstimator } from '../../../lib/cost';

export function applyPriceList(list: PriceList): void {
  setCostEstimator((model, usage) => costOf(usage, findPrice(model, list.prices)));
}

/** Loads the price list once at start; Settings › Prices calls applyPriceList after an edit. */
export async function loadPriceList(): Promise<void> {
  const result = await api.listPrices({});
  if (result.ok) applyPriceList(result.value);
}
