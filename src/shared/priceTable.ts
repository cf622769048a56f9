/**
 * Shipped list prices in US dollars per million tokens, as the providers published them on
 * PRICES_AS_OF. People can override any of them in settings; a model not listed has no price
 * ("—" in the UI), never 0.
 */
export const PRICES_AS_OF = '2025-11-01';

/** Which provider's price list a row comes from (and so how it bills cache writes). */
export const priceProviders = ['openai', 'anthropic', 'gemini'] as const;
export type PriceProvider = (typeof priceProviders)[number];
/** How the price editor names each billing style; OpenAI-style covers every compatible server. */
export const priceProviderLabels: Readonly<Record<PriceProvider, string>> = {
  openai: 'OpenAI-style',
  anthropic: 'Anthropic',
  gemini: 'Gemini',
};

export interface ModelPrice {
  /** Matched against the model id the provider reported: exact, or as a prefix of a dated snapshot. */
  model: string;
  provider: PriceProvider;
  inputPerMTok: number;
  /** Price of prompt tokens served from the provider's cache (a cache read). */
  cachedInputPerMTok: number | null;
  /**
   * Price of prompt tokens written to the cache (Anthropic's 5-minute cache write). Absent or
   * null: 1.25× input for Anthropic, the input price for everyone else (pricing.ts).
   */
  cacheWritePerMTok?: number | null;
  outputPerMTok: number;
}

/**
 * Sources, by group (docs/ENGINE.md, "Prices", has the full list):
 * - OpenAI rows: unchanged from PRICES_AS_OF (gpt-5, gpt-4.1, o3 and o4-mini families included);
 *   no write price, since OpenAI bills no cache-write premium.
 * - Anthropic rows: the "Model pricing" table of platform.claude.com/docs/en/about-claude/pricing
 *   (base input, 5m cache writes, cache hits, output), read 2026-12-03; Sonnet 4.6, Opus 5 and
 *   Sonnet 5 from their model overview pages (platform.claude.com/docs/…/models/…/overview).
 * - Gemini rows: ai.google.dev/gemini-api/docs/pricing, standard tier, prompts up to 200k tokens
 *   (longer prompts cost more and are underpriced here), as quoted 2026-03 to 2026-06 by
 *   third-party pages (no copy of Google's page itself was found): see docs/ENGINE.md.
 */
export const shippedPrices: readonly ModelPrice[] = [
  {
    model: 'gpt-5',
    provider: 'openai',
    inputPerMTok: 1.25,
    cachedInputPerMTok: 0.125,
    outputPerMTok: 10,
  },
  {
    model: 'gpt-5-mini',
    provider: 'openai',
    inputPerMTok: 0.25,
    cachedInputPerMTok: 0.025,
    outputPerMTok: 2,
  },
  {
    model: 'gpt-5-nano',
    provider: 'openai',
    inputPerMTok: 0.05,
    cachedInputPerMTok: 0.005,
    outputPerMTok: 0.4,
  },
  {
    model: 'gpt-4.1',
    provider: 'openai',
    inputPerMTok: 2,
    cachedInputPerMTok: 0.5,
    outputPerMTok: 8,
  },
  {
    model: 'gpt-4.1-mini',
    provider: 'openai',
    inputPerMTok: 0.4,
    cachedInputPerMTok: 0.1,
    outputPerMTok: 1.6,
  },
  {
    model: 'gpt-4.1-nano',
    provider: 'openai',
    inputPerMTok: 0.1,
    cachedInputPerMTok: 0.025,
    outputPerMTok: 0.4,
  },
  {
    model: 'gpt-4o',
    provider: 'openai',
    inputPerMTok: 2.5,
    cachedInputPerMTok: 1.25,
    outputPerMTok: 10,
  },
  {
    model: 'gpt-4o-mini',
    provider: 'openai',
    inputPerMTok: 0.15,
    cachedInputPerMTok: 0.075,
    outputPerMTok: 0.6,
  },
  {
    model: 'gpt-4-turbo',
    provider: 'openai',
    inputPerMTok: 10,
    cachedInputPerMTok: null,
    outputPerMTok: 30,
  },
  {
    model: 'gpt-3.5-turbo',
    provider: 'openai',
    inputPerMTok: 0.5,
    cachedInputPerMTok: null,
    outputPerMTok: 1.5,
  },
  { model: 'o3', provider: 'openai', inputPerMTok: 2, cachedInputPerMTok: 0.5, outputPerMTok: 8 },
  {
    model: 'o3-mini',
    provider: 'openai',
    inputPerMTok: 1.1,
    cachedInputPerMTok: 0.55,
    outputPerMTok: 4.4,
  },
  {
    model: 'o4-mini',
    provider: 'openai',
    inputPerMTok: 1.1,
    cachedInputPerMTok: 0.275,
    outputPerMTok: 4.4,
  },
  { model: 'o1', provider: 'openai', inputPerMTok: 15, cachedInputPerMTok: 7.5, outputPerMTok: 60 },
  {
    model: 'claude-opus-4-8',
    provider: 'anthropic',
    inputPerMTok: 5,
    cachedInputPerMTok: 0.5,
    cacheWritePerMTok: 6.25,
    outputPerMTok: 25,
  },
  {
    model: 'claude-opus-4-7',
    provider: 'anthropic',
    inputPerMTok: 5,
    cachedInputPerMTok: 0.5,
    cacheWritePerMTok: 6.25,
    outputPerMTok: 25,
  },
  {
    model: 'claude-opus-4-6',
    provider: 'anthropic',
    inputPerMTok: 5,
    cachedInputPerMTok: 0.5,
    cacheWritePerMTok: 6.25,
    outputPerMTok: 25,
  },
  {
    model: 'claude-opus-5',
    provider: 'anthropic',
    inputPerMTok: 5,
    cachedInputPerMTok: 0.5,
    cacheWritePerMTok: 6.25,
    outputPerMTok: 25,
  },
  {
    model: 'claude-sonnet-5',
    provider: 'anthropic',
    inputPerMTok: 2,
    cachedInputPerMTok: 0.2,
    cacheWritePerMTok: 2.5,
    outputPerMTok: 10,
  },
  {
    model: 'claude-sonnet-4-6',
    provider: 'anthropic',
    inputPerMTok: 3,
    cachedInputPerMTok: 0.3,
    cacheWritePerMTok: 3.75,
    outputPerMTok: 15,
  },
  {
    model: 'claude-opus-4-5',
    provider: 'anthropic',
    inputPerMTok: 5,
    cachedInputPerMTok: 0.5,
    cacheWritePerMTok: 6.25,
    outputPerMTok: 25,
  },
  {
    model: 'claude-opus-4-1',
    provider: 'anthropic',
    inputPerMTok: 15,
    cachedInputPerMTok: 1.5,
    cacheWritePerMTok: 18.75,
    outputPerMTok: 75,
  },
  {
    model: 'claude-opus-4',
    provider: 'anthropic',
    inputPerMTok: 15,
    cachedInputPerMTok: 1.5,
    cacheWritePerMTok: 18.75,
    outputPerMTok: 75,
  },
  {
    model: 'claude-sonnet-4-5',
    provider: 'anthropic',
    inputPerMTok: 3,
    cachedInputPerMTok: 0.3,
    cacheWritePerMTok: 3.75,
    outputPerMTok: 15,
  },
  {
    model: 'claude-sonnet-4',
    provider: 'anthropic',
    inputPerMTok: 3,
    cachedInputPerMTok: 0.3,
    cacheWritePerMTok: 3.75,
    outputPerMTok: 15,
  },
  {
    model: 'claude-3-7-sonnet',
    provider: 'anthropic',
    inputPerMTok: 3,
    cachedInputPerMTok: 0.3,
    cacheWritePerMTok: 3.75,
    outputPerMTok: 15,
  },
  {
    model: 'claude-3-5-sonnet',
    provider: 'anthropic',
    inputPerMTok: 3,
    cachedInputPerMTok: 0.3,
    outputPerMTok: 15,
  },
  {
    model: 'claude-haiku-4-5',
    provider: 'anthropic',
    inputPerMTok: 1,
    cachedInputPerMTok: 0.1,
    cacheWritePerMTok: 1.25,
    outputPerMTok: 5,
  },
  {
    model: 'claude-3-5-haiku',
    provider: 'anthropic',
    inputPerMTok: 0.8,
    cachedInputPerMTok: 0.08,
    cacheWritePerMTok: 1,
    outputPerMTok: 4,
  },
  {
    model: 'claude-3-opus',
    provider: 'anthropic',
    inputPerMTok: 15,
    cachedInputPerMTok: 1.5,
    cacheWritePerMTok: 18.75,
    outputPerMTok: 75,
  },
  {
    model: 'claude-3-haiku',
    provider: 'anthropic',
    inputPerMTok: 0.25,
    cachedInputPerMTok: 0.03,
    cacheWritePerMTok: 0.3,
    outputPerMTok: 1.25,
  },
  {
    model: 'gemini-2.5-pro',
    provider: 'gemini',
    inputPerMTok: 1.25,
    cachedInputPerMTok: 0.125,
    outputPerMTok: 10,
  },
  // No source agreed on Flash's and Flash-Lite's cache-read prices (quotes of Google's page say
  // $0.075 or "90% off" for Flash): cached tokens are billed at the input price, an upper bound,
  // until a price set in Settings › Prices says otherwise.
  {
    model: 'gemini-2.5-flash',
    provider: 'gemini',
    inputPerMTok: 0.3,
    cachedInputPerMTok: null,
    outputPerMTok: 2.5,
  },
  {
    model: 'gemini-2.5-flash-lite',
    provider: 'gemini',
    inputPerMTok: 0.1,
    cachedInputPerMTok: null,
    outputPerMTok: 0.4,
  },
];
