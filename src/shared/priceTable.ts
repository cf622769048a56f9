/**
 * Shipped list prices in US dollars per million tokens, as the providers published them on
 * PRICES_AS_OF. People can override any of them in settings; a model not listed has no price
 * ("—" in the UI), never 0.
 */
export const PRICES_AS_OF = '2025-11-01';

export interface ModelPrice {
  /** Matched against the model id the provider reported: exact, or as a prefix of a dated snapshot. */
  model: string;
  provider: 'openai' | 'anthropic';
  inputPerMTok: number;
  /** Price of prompt tokens served from the provider's cache. */
  cachedInputPerMTok: number | null;
  outputPerMTok: number;
}

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
    model: 'claude-opus-4-5',
    provider: 'anthropic',
    inputPerMTok: 5,
    cachedInputPerMTok: 0.5,
    outputPerMTok: 25,
  },
  {
    model: 'claude-opus-4-1',
    provider: 'anthropic',
    inputPerMTok: 15,
    cachedInputPerMTok: 1.5,
    outputPerMTok: 75,
  },
  {
    model: 'claude-opus-4',
    provider: 'anthropic',
    inputPerMTok: 15,
    cachedInputPerMTok: 1.5,
    outputPerMTok: 75,
  },
  {
    model: 'claude-sonnet-4-5',
    provider: 'anthropic',
    inputPerMTok: 3,
    cachedInputPerMTok: 0.3,
    outputPerMTok: 15,
  },
  {
    model: 'claude-sonnet-4',
    provider: 'anthropic',
    inputPerMTok: 3,
    cachedInputPerMTok: 0.3,
    outputPerMTok: 15,
  },
  {
    model: 'claude-3-7-sonnet',
    provider: 'anthropic',
    inputPerMTok: 3,
    cachedInputPerMTok: 0.3,
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
    outputPerMTok: 5,
  },
  {
    model: 'claude-3-5-haiku',
    provider: 'anthropic',
    inputPerMTok: 0.8,
    cachedInputPerMTok: 0.08,
    outputPerMTok: 4,
  },
  {
    model: 'claude-3-opus',
    provider: 'anthropic',
    inputPerMTok: 15,
    cachedInputPerMTok: 1.5,
    outputPerMTok: 75,
  },
  {
    model: 'claude-3-haiku',
    provider: 'anthropic',
    inputPerMTok: 0.25,
    cachedInputPerMTok: 0.03,
    outputPerMTok: 1.25,
  },
];
