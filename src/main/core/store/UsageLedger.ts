import type { Usage } from '../../../shared/stream';
import type { ModelPrice } from '../../../shared/priceTable';
import { cacheSavingsOf, costOf, findPrice } from '../../../shared/pricing';
import type { SqliteDatabase } from './database';

/**
 * What kind of provider call a ledger row counts. The `cli-` kinds are calls made by the command
 * line (`ask`, `compare`) into the same ledger; `kind` is plain text, so a new kind needs no
 * migration.
 */
export const usageCallKinds = [
  'chat',
  'regenerate',
  'edit',
  'continue',
  'title',
  'summary',
  'test',
  'compare',
  'cli-ask',
  'cli-compare',
  // A search through the person's search provider (the built-in web_search tool), app and CLI.
  'search',
  'cli-search',
] as const;
export type UsageCallKind = (typeof usageCallKinds)[number];

/** The price a model id is billed at now (overrides from settings first), or null. */
export type PriceLookup = (model: string) => ModelPrice | null;

export interface UsageCall {
  kind: UsageCallKind;
  profileId: string | null;
  provider: string | null;
  model: string | null;
  conversationId: string | null;
  messageId: string | null;
  usage: Usage | null;
  ttftMs: number | null;
  durationMs: number | null;
  /** The finish reason, or 'error'. */
  outcome: string;
  /** A call billed by the call, not by tokens (a search): its fee, or null when not known. */
  fee?: number | null;
}

/**
 * Appends one row per provider call, background title calls included, so usage figures never
 * hide a call. Rows outlive their conversation. The cost is fixed at record time with the price
 * then in force, so a later price edit does not rewrite history; null when no price is known.
 */
export class UsageLedger {
  private readonly insert;

  constructor(
    db: SqliteDatabase,
    private readonly now: () => number = Date.now,
    private priceFor: PriceLookup = (model) => findPrice(model),
  ) {
    this.insert = db.prepare(
      `INSERT INTO usage_ledger (created_at, kind, profile_id, provider, model, conversation_id, message_id,
         input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, source,
         ttft_ms, duration_ms, outcome, cost, cache_savings)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Prices come from preferences, which the composition root opens after the store. */
  usePrices(priceFor: PriceLookup): void {
    this.priceFor = priceFor;
  }

  /** What a call costs at the prices in force now (overrides first): the cost `record` fixes. */
  priceCall(usage: Usage, model: string): number | null {
    return costOf(usage, this.priceFor(model));
  }

  /** What caching saved on a call at the prices in force now; null without a price or a cache. */
  cacheSavings(usage: Usage, model: string): number | null {
    if (!usage.cachedInputTokens && !usage.cacheWriteTokens) return null;
    return cacheSavingsOf(usage, this.priceFor(model));
  }

  record(call: UsageCall): void {
    const usage = call.usage;
    const cost = usage && call.model ? this.priceCall(usage, call.model) : (call.fee ?? null);
    const savings = usage && call.model ? this.cacheSavings(usage, call.model) : null;
    this.insert.run(
      this.now(),
      call.kind,
      call.profileId,
      call.provider,
      call.model,
      call.conversationId,
      call.messageId,
      usage?.inputTokens ?? null,
      usage?.cachedInputTokens ?? null,
      usage?.cacheWriteTokens ?? null,
      usage?.outputTokens ?? null,
      usage?.reasoningTokens ?? null,
      usage?.source ?? null,
      call.ttftMs,
      call.durationMs,
      call.outcome,
      cost,
      savings,
    );
  }
}
