import type { Usage } from './stream';
import { shippedPrices, type ModelPrice } from './priceTable';

/**
 * Finds the price for a reported model id: an exact match, else the longest listed model that
 * the id extends with a dated or versioned suffix ("gpt-4o-2024-08-06" → gpt-4o, but
 * "gpt-4o-mini-…" → gpt-4o-mini). Overrides (from settings) win over shipped prices.
 */
export function findPrice(model: string, overrides: readonly ModelPrice[] = []): ModelPrice | null {
  const id = model.toLowerCase().replace(/^(openai|anthropic)\//, '');
  for (const table of [overrides, shippedPrices]) {
    const exact = table.find((price) => price.model === id);
    if (exact) return exact;
    const extended = table
      .filter(
        (price) =>
          id.startsWith(`${price.model}-`) && isSnapshotSuffix(id.slice(price.model.length + 1)),
      )
      .sort((a, b) => b.model.length - a.model.length)[0];
    if (extended) return extended;
  }
  return null;
}

/** A date (2024-08-06, 20241022), "latest" or a preview tag: the same model, another snapshot. */
function isSnapshotSuffix(suffix: string): boolean {
  return /^(\d{4}-\d{2}-\d{2}|\d{8}|latest|preview(-\d{4}-\d{2}-\d{2})?|v\d+(:\d+)?)$/.test(suffix);
}

/**
 * Cost in US dollars, or null when the model has no known price (shown as "—", never 0).
 * Cached prompt tokens are billed at the cached-input price where the provider has one.
 */
export function costOf(
  usage: Pick<Usage, 'inputTokens' | 'outputTokens' | 'cachedInputTokens'>,
  price: ModelPrice | null,
): number | null {
  if (!price) return null;
  const cached = Math.min(usage.cachedInputTokens ?? 0, usage.inputTokens);
  const cachedPrice = price.cachedInputPerMTok ?? price.inputPerMTok;
  const dollars =
    (usage.inputTokens - cached) * price.inputPerMTok +
    cached * cachedPrice +
    usage.outputTokens * price.outputPerMTok;
  return dollars / 1_000_000;
}
