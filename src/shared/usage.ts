/**
 * Usage figures as the Usage screen, the CSV export and the CLI see them. Every figure comes
 * from the ledger (one row per provider call); costs are null when no price is known.
 */
import { z } from 'zod';
import { priceProviders, type PriceProvider } from './priceTable';

/** A half-open time range [from, to) in epoch ms, and the viewer's UTC offset for day buckets. */
export const usageRangeSchema = z
  .object({
    from: z.number().int().min(0),
    to: z.number().int().min(0),
    /** Minutes to add to UTC to get the viewer's local time (−Date#getTimezoneOffset()). */
    utcOffsetMinutes: z
      .number()
      .int()
      .min(-14 * 60)
      .max(14 * 60)
      .default(0),
  })
  .strict();
export type UsageRange = z.output<typeof usageRangeSchema>;

export interface UsageFigures {
  /** Model calls (searches are counted apart, in `searches`). */
  calls: number;
  inputTokens: number;
  /** Prompt tokens read from a cache (inside inputTokens). */
  cachedInputTokens: number;
  /** Prompt tokens written to a cache (inside inputTokens; Anthropic's cache writes). */
  cacheWriteTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  /** Dollars over the calls that have a price; null when none has. */
  cost: number | null;
  /**
   * Dollars caching saved over the priced calls (reads below the input price, less the writes'
   * premium), fixed at record time like the cost; null when no priced call touched a cache.
   */
  cacheSavings: number | null;
  /** Calls whose tokens were estimated by the client, not reported by the provider. */
  estimatedCalls: number;
  /** The part of inputTokens / outputTokens that is estimated (the rest the provider reported). */
  estimatedInputTokens: number;
  estimatedOutputTokens: number;
  /** Calls with tokens but no known price (their cost is not in `cost`). */
  unpricedCalls: number;
  /** Searches through the person's search provider (the built-in web_search tool). */
  searches: number;
  /** Dollars of the searches with a known fee (inside `cost`); null when none has one. */
  searchCost: number | null;
  /** Searches with no known fee (counted, their fee "—", not in `cost`). */
  unpricedSearches: number;
}

export interface UsageRow extends UsageFigures {
  /** The day (YYYY-MM-DD, viewer's time), model id, or provider, depending on the grouping. */
  key: string;
}

export interface UsageReport {
  range: UsageRange;
  totals: UsageFigures;
  byDay: UsageRow[];
  byModel: UsageRow[];
  byProvider: UsageRow[];
  /** Searches per search provider (`key`: searxng, brave, tavily); model calls are not here. */
  bySearchProvider: UsageRow[];
}

export type UsageGrouping = 'day' | 'model' | 'provider';

/** The last rate-limit headers a profile's provider sent, and what they leave. */
export interface RateLimitView {
  profileId: string;
  profileName: string | null;
  observedAt: number;
  requests: RateLimitBudget | null;
  tokens: RateLimitBudget | null;
}

export interface RateLimitBudget {
  limit: number | null;
  remaining: number | null;
  resetAt: number | null;
}

/** One row of the price list: the shipped price and, when set, the person's override. */
export interface PriceEntry {
  model: string;
  provider: PriceProvider;
  inputPerMTok: number;
  cachedInputPerMTok: number | null;
  cacheWritePerMTok?: number | null;
  outputPerMTok: number;
  /** 'shipped' as of `asOf`, or 'override' (edited in settings). */
  origin: 'shipped' | 'override';
}

export interface PriceList {
  asOf: string;
  prices: PriceEntry[];
}

const dollars = z.number().min(0).max(100_000);
export const priceOverrideSchema = z
  .object({
    model: z.string().trim().toLowerCase().min(1).max(200),
    provider: z.enum(priceProviders),
    inputPerMTok: dollars,
    cachedInputPerMTok: dollars.nullable(),
    /** Optional, so overrides saved before write prices existed stay valid. */
    cacheWritePerMTok: dollars.nullable().optional(),
    outputPerMTok: dollars,
  })
  .strict();
export type PriceOverride = z.output<typeof priceOverrideSchema>;
