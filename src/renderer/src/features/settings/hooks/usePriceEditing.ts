import { useEffect } from 'react';
import type { PriceEntry } from '../../../../../shared/usage';
import {
  draftOf,
  emptyPriceDraft,
  overrideFromDraft,
  type PriceDraft,
  type PriceField,
} from '../lib/priceDraft';
import { usePriceDrafts } from '../store/priceDrafts';
import { usePricesStore } from '../store/pricesStore';
import { i18n } from '../../../lib/i18n';

/**
 * The price editor's state: the list main serves, the rows typed but not saved, and the actions
 * that turn a typed row into an override (checked here first, then by main over IPC).
 */
export function usePriceEditing() {
  const { list, error, load, setOverride, removeOverride, refuse } = usePricesStore();
  const { drafts, setDrafts, added, setAdded } = usePriceDrafts();

  useEffect(() => {
    void load();
  }, [load]);

  const dropDraft = (model: string) =>
    setDrafts((all) => Object.fromEntries(Object.entries(all).filter(([key]) => key !== model)));

  /** True when main kept the price; a refused row stays as typed, with the reason shown. */
  const save = async (draft: PriceDraft): Promise<boolean> => {
    const override = overrideFromDraft(draft);
    if (!override) {
      refuse(
        i18n.t('settings:prices.notNumbers', {
          model: draft.model || i18n.t('settings:prices.theModel'),
        }),
      );
      return false;
    }
    const kept = await setOverride(override);
    if (kept) dropDraft(draft.model);
    return kept;
  };

  const edit = (price: PriceEntry, field: PriceField, value: string) =>
    setDrafts({
      ...drafts,
      [price.model]: { ...(drafts[price.model] ?? draftOf(price)), [field]: value },
    });

  const addPrice = async () => {
    if (await save(added)) setAdded(emptyPriceDraft);
  };

  return { list, error, drafts, added, setAdded, edit, save, addPrice, removeOverride };
}
