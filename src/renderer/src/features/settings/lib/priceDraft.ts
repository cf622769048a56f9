import { priceProviders } from '../../../../../shared/priceTable';
import { cacheWriteFactors } from '../../../../../shared/pricing';
import type { PriceEntry, PriceOverride } from '../../../../../shared/usage';
import { formatNumber } from '../../../lib/i18n';

/** A price row as typed, before Save: text, so half-typed numbers survive. */
export interface PriceDraft {
  model: string;
  provider: PriceEntry['provider'];
  input: string;
  cached: string;
  write: string;
  output: string;
}

export type PriceField = 'input' | 'cached' | 'write' | 'output';

/**
 * The price columns in table order. `name` is how a field is called in its input's label and the
 * add form's placeholder; `blank` what an empty field means (null: it must be filled).
 */
export const priceFields: readonly {
  field: PriceField;
  heading: string;
  name: string;
  blank: ((provider: PriceEntry['provider']) => string) | null;
}[] = [
  { field: 'input', heading: 'Input', name: 'input', blank: null },
  { field: 'cached', heading: 'Cached input', name: 'cached', blank: () => '= input' },
  {
    field: 'write',
    heading: 'Cache write',
    name: 'cache write',
    blank: (provider) => {
      const factor = cacheWriteFactors[provider];
      return factor === 1 ? '= input' : `${factor}× input`;
    },
  },
  { field: 'output', heading: 'Output', name: 'output', blank: null },
];

export const emptyPriceDraft: PriceDraft = {
  model: '',
  provider: priceProviders[0],
  input: '',
  cached: '',
  write: '',
  output: '',
};

/** A price as the language writes decimals ("1,25" in German), without grouping, to edit. */
const text = (price: number | null | undefined) =>
  price == null ? '' : formatNumber(price, { maximumFractionDigits: 10, useGrouping: false });

/** A typed price: "1.25" or, as German writes it, "1,25" (one comma and no point: a decimal comma). */
function typedNumber(value: string): number {
  const trimmed = value.trim();
  if (trimmed === '') return NaN;
  return Number(/^[^.,]*,[^.,]*$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed);
}

/** The row as the editor shows it before any edit. */
export function draftOf(price: PriceEntry): PriceDraft {
  return {
    model: price.model,
    provider: price.provider,
    input: text(price.inputPerMTok),
    cached: text(price.cachedInputPerMTok),
    write: text(price.cacheWritePerMTok),
    output: text(price.outputPerMTok),
  };
}

/**
 * Dollars per million tokens from the typed row, or null when a price is not a number of 0 or
 * more or the model id is blank. A blank cached or write price is sent as null: pricing.ts then
 * bills reads at the input price and writes at the provider's factor of it.
 */
export function overrideFromDraft(draft: PriceDraft): PriceOverride | null {
  const number = typedNumber;
  const optional = (value: string) => (value.trim() === '' ? null : number(value));
  const input = number(draft.input);
  const output = number(draft.output);
  const cached = optional(draft.cached);
  const write = optional(draft.write);
  const model = draft.model.trim();
  if ([input, output, cached ?? 0, write ?? 0].some((n) => !Number.isFinite(n) || n < 0))
    return null;
  if (!model) return null;
  return {
    model,
    provider: draft.provider,
    inputPerMTok: input,
    cachedInputPerMTok: cached,
    cacheWritePerMTok: write,
    outputPerMTok: output,
  };
}
