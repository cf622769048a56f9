import type { RateLimitInfo, StreamEvent } from '../../../shared/stream';
import type { EngineOptions } from '../providers/streamChat';
import type { ChatRequest, ProviderTarget } from '../providers/types';
import type { SqliteDatabase } from '../store/database';
import type { PersistSave, SaveOptions } from '../store/PendingSaves';
import type { RateLimitStore } from '../store/RateLimitStore';
import type { UsageCall, UsageLedger } from '../store/UsageLedger';

export type Engine = (
  target: ProviderTarget,
  request: ChatRequest,
  options: EngineOptions,
) => AsyncIterable<StreamEvent>;

/** The tables the writer fills: the app's whole Store, or the CLI's ledger-only connection. */
export interface UsageTables {
  db: SqliteDatabase;
  ledger: UsageLedger;
  rateLimits: RateLimitStore;
  /** Present in the app: a call moves its conversation up the sidebar. */
  conversations?: { bump(conversationId: string): void };
}

export interface UsageWriterOptions {
  /**
   * The save policy the answers use: in the app PendingSaves, which keeps a write that failed on a
   * full disk or a lock and retries it; absent, the write is made at once.
   */
  persist?: PersistSave;
  /**
   * A write the policy could not keep (it threw): the call goes unrecorded and this says so. The
   * CLI prints it; absent, the console.
   */
  unrecorded?: (error: unknown) => void;
}

const atOnce: PersistSave = (save) => save();

/**
 * The only code that writes usage: one ledger row per provider call (every kind: answers, titles,
 * compare columns, connection tests, the CLI) and each profile's last rate-limit budgets. Every
 * write goes through one save policy, and a failure is handled here, once: the caller's answer is
 * never held up or rejected by a usage row that could not be written.
 */
export class UsageWriter {
  constructor(
    private readonly tables: UsageTables,
    private readonly options: UsageWriterOptions = {},
  ) {}

  /**
   * Counts one call. With `bumpConversationId`, that conversation's "last activity" moves in the
   * same transaction, so both go in together or wait together (and are kept together at quit).
   */
  recordCall(call: UsageCall, options: { bumpConversationId?: string } = {}): void {
    const { db, ledger, conversations } = this.tables;
    const bump = options.bumpConversationId;
    this.save(
      () =>
        db.transaction(() => {
          ledger.record(call);
          if (bump !== undefined) conversations?.bump(bump);
        })(),
      { unsaved: { kind: 'usage', call, bumpConversationId: bump ?? null } },
    );
  }

  /** Several calls that ended together (the CLI's compare columns) in one transaction. */
  recordCalls(calls: readonly UsageCall[]): void {
    if (calls.length === 0) return;
    const { db, ledger } = this.tables;
    this.save(() =>
      db.transaction(() => {
        for (const call of calls) ledger.record(call);
      })(),
    );
  }

  /**
   * The budgets the provider's headers showed for a profile. Only the newest matters, so one
   * waiting through a fault is replaced by a newer one rather than queued behind it.
   */
  recordHeadroom(profileId: string, provider: string | null, info: RateLimitInfo): void {
    const { rateLimits } = this.tables;
    // Raw headers stay out of a kept copy too: the budgets are all the store keeps.
    const budgets = { ...info, headers: {} };
    this.save(() => rateLimits.record(profileId, provider, info), {
      replaces: `headroom:${profileId}`,
      unsaved: { kind: 'headroom', profileId, provider, info: budgets },
    });
  }

  /** The engine, with the headroom of every call through it recorded as it arrives. */
  tapEngine(engine: Engine): Engine {
    const recordHeadroom = this.recordHeadroom.bind(this);
    return async function* (target, request, options) {
      for await (const event of engine(target, request, options)) {
        if (event.type === 'rateLimit')
          recordHeadroom(target.profile.id, target.profile.type, event.rateLimit);
        yield event;
      }
    };
  }

  private save(write: () => void, options?: SaveOptions): void {
    const persist = this.options.persist ?? atOnce;
    try {
      persist(write, options);
    } catch (error) {
      // Usage is counted, never in the way: the answer it belongs to goes on.
      (this.options.unrecorded ?? console.error)(error);
    }
  }
}
