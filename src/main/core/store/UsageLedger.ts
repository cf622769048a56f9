import type { Usage } from '../../../shared/stream';
import type { SqliteDatabase } from './database';

/** What kind of provider call a ledger row counts. */
export type UsageCallKind = 'chat' | 'regenerate' | 'edit' | 'continue' | 'title';

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
}

/**
 * Appends one row per provider call, background title calls included, so usage figures never
 * hide a call. Rows outlive their conversation. Costs are left to the usage issue's pricing.
 */
export class UsageLedger {
  private readonly insert;

  constructor(
    db: SqliteDatabase,
    private readonly now: () => number = Date.now,
  ) {
    this.insert = db.prepare(
      `INSERT INTO usage_ledger (created_at, kind, profile_id, provider, model, conversation_id, message_id,
         input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, source, ttft_ms, duration_ms, outcome, cost)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
    );
  }

  record(call: UsageCall): void {
    const usage = call.usage;
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
      usage?.outputTokens ?? null,
      usage?.reasoningTokens ?? null,
      usage?.source ?? null,
      call.ttftMs,
      call.durationMs,
      call.outcome,
    );
  }
}
