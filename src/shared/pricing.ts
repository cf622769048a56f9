import type { Usage } from './stream';
import { shippedPrices, type ModelPrice, type PriceProvider } from './priceTable';

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
 * What a cache write costs, as a multiple of the input price, when a row has no write price:
 * Anthropic bills a 5-minute cache write at 1.25× the base input price, for every model; OpenAI
 * and Gemini bill no write premium. The price editor's placeholder and hint show the same figures.
 */
export const cacheWriteFactors: Readonly<Record<PriceProvider, number>> = {
  openai: 1,
  anthropic: 1.25,
  gemini: 1,
};

/**
 * What one call of the provider's own web search tool costs, in dollars, on top of tokens
 * (docs/ENGINE.md "Web search" cites each): OpenAI's `web_search` $10 per 1,000 calls and
 * Anthropic's web search $10 per 1,000 searches. Gemini's grounding fee is left out: it depends
 * on the model generation (per grounded prompt, or per query) and on a free daily allowance
 * this app cannot see, so a grounded prompt is counted but not priced.
 */
export const webSearchFees: Readonly<Record<PriceProvider, number | null>> = {
  openai: 10 / 1000,
  anthropic: 10 / 1000,
  gemini: null,
};

type CacheUsage = Pick<
  Usage,
  'inputTokens' | 'outputTokens' | 'cachedInputTokens' | 'cacheWriteTokens'
> & { webSearchCalls?: number | undefined };

/** Dollars per million tokens for each kind of prompt token, fallbacks applied. */
function promptPrices(price: ModelPrice): { input: number; read: number; write: number } {
  const input = price.inputPerMTok;
  const write = price.cacheWritePerMTok ?? input * cacheWriteFactors[price.provider];
  return { input, read: price.cachedInputPerMTok ?? input, write };
}

/** inputTokens split into what was read from the cache, written to it, and neither. */
function promptSplit(usage: CacheUsage): { reads: number; writes: number; uncached: number } {
  const reads = Math.min(usage.cachedInputTokens ?? 0, usage.inputTokens);
  const writes = Math.min(usage.cacheWriteTokens ?? 0, usage.inputTokens - reads);
  return { reads, writes, uncached: usage.inputTokens - reads - writes };
}

/**
 * Cost in US dollars, or null when the model has no known price (shown as "—", never 0).
 * inputTokens holds every prompt token; each part is billed at its own price: uncached at the
 * input price, cache reads at the cached-input price, cache writes at the write price (absent:
 * Anthropic's 1.25× input, else the input price, as OpenAI and Gemini bill no write premium).
 */
export function costOf(usage: CacheUsage, price: ModelPrice | null): number | null {
  if (!price) return null;
  const { input, read, write } = promptPrices(price);
  const { reads, writes, uncached } = promptSplit(usage);
  const dollars =
    uncached * input + writes * write + reads * read + usage.outputTokens * price.outputPerMTok;
  const searches = (usage.webSearchCalls ?? 0) * (webSearchFees[price.provider] ?? 0);
  return dollars / 1_000_000 + searches;
}

/**
 * What caching saved on one call, in dollars, against sending the same prompt uncached: reads
 * cost less than input, writes cost more (so a call that only wrote saves a negative amount).
 * Null when no price is known, 0 when nothing touched the cache.
 */
export function cacheSavingsOf(usage: CacheUsage, price: ModelPrice | null): number | null {
  if (!price) return null;
  const { input, read, write } = promptPrices(price);
  const { reads, writes } = promptSplit(usage);
  return (reads * (input - read) - writes * (write - input)) / 1_000_000;
}
