import type { PriceEntry, PriceList, PriceOverride } from '../../../shared/usage';
import { priceOverrideSchema } from '../../../shared/usage';
import type { PreferencesStore } from '../preferences/PreferencesStore';
import { PRICES_AS_OF, shippedPrices, type ModelPrice } from '../../../shared/priceTable';
import { findPrice } from '../../../shared/pricing';

const KEY = 'usage.priceOverrides';

/**
 * Prices the person edited in settings, kept in preferences (never in the database, so a price
 * edit is a setting, not history). A corrupt entry is skipped rather than breaking every cost.
 */
export class PriceOverrides {
  constructor(private readonly preferences: PreferencesStore) {}

  list(): ModelPrice[] {
    const raw = this.preferences.get(KEY);
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((item) => {
      const parsed = priceOverrideSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  }

  set(price: PriceOverride): void {
    const others = this.list().filter((p) => p.model !== price.model);
    this.preferences.set(KEY, [...others, price]);
  }

  remove(model: string): boolean {
    const all = this.list();
    const kept = all.filter((p) => p.model !== model.toLowerCase());
    this.preferences.set(KEY, kept);
    return kept.length !== all.length;
  }

  priceFor(model: string): ModelPrice | null {
    return findPrice(model, this.list());
  }

  /** Shipped prices with overrides applied, plus overrides for models the table lacks. */
  view(): PriceList {
    const overrides = this.list();
    const byModel = new Map(overrides.map((p) => [p.model, p]));
    const entry = (price: ModelPrice, origin: PriceEntry['origin']): PriceEntry => ({
      ...price,
      origin,
    });
    const prices = shippedPrices.map((shipped) => {
      const override = byModel.get(shipped.model);
      return override ? entry(override, 'override') : entry(shipped, 'shipped');
    });
    const extra = overrides.filter((p) => !shippedPrices.some((s) => s.model === p.model));
    return { asOf: PRICES_AS_OF, prices: [...prices, ...extra.map((p) => entry(p, 'override'))] };
  }
}
