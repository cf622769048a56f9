import type {
  ExchangeAttemptView,
  ExchangeRecord,
  ToolCallExchangeView,
} from '../../../shared/exchanges';
import type { SqliteDatabase } from './database';

/** Per exchange: a runaway stream must not fill the disk (the inspector marks the cut). */
export const MAX_EXCHANGE_BYTES = 2 * 1024 * 1024;

export interface NewExchange {
  messageId: string;
  provider: string;
  model: string;
  stream: boolean;
  attempts: ExchangeAttemptView[];
  timing: ExchangeRecord['timing'];
  step?: number;
  toolCalls?: ToolCallExchangeView[];
}

/**
 * A tool loop's step keeps its number and its MCP messages beside the attempts, in the same
 * JSON column: `{"step":…,"toolCalls":…,"attempts":[…]}` (a plain answer's is the bare array).
 */
interface SteppedAttempts {
  step: number;
  toolCalls: ToolCallExchangeView[];
  attempts: ExchangeAttemptView[];
}

interface ExchangeRow {
  id: number;
  message_id: string;
  created_at: number;
  provider: string;
  model: string;
  stream: number;
  timing: string | null;
  truncated: number;
  size_bytes: number;
  attempts: string;
}

/**
 * Fits attempts into `maxBytes` of JSON: drops raw events past the budget and shortens bodies,
 * keeping the requests and responses whole (they are what a failing setup needs most).
 */
export function capAttempts(
  attempts: ExchangeAttemptView[],
  maxBytes = MAX_EXCHANGE_BYTES,
): { attempts: ExchangeAttemptView[]; truncated: boolean; json: string } {
  const json = JSON.stringify(attempts);
  if (Buffer.byteLength(json) <= maxBytes) return { attempts, truncated: false, json };
  const skeleton = attempts.map((a) => ({ ...a, events: [], body: undefined }));
  let budget = maxBytes - Buffer.byteLength(JSON.stringify(skeleton)) - 1024;
  const capped = attempts.map((attempt) => {
    const events = [];
    for (const event of attempt.events) {
      const size = Buffer.byteLength(JSON.stringify(event)) + 1;
      if (size > budget) break;
      budget -= size;
      events.push(event);
    }
    const out: ExchangeAttemptView = { ...attempt, events };
    if (attempt.body) {
      const keep = Math.max(0, Math.min(attempt.body.text.length, Math.floor(budget / 2)));
      budget -= keep * 2;
      out.body = {
        ...attempt.body,
        text: attempt.body.text.slice(0, keep),
        truncated: attempt.body.truncated || keep < attempt.body.text.length,
      };
    }
    return out;
  });
  return { attempts: capped, truncated: true, json: JSON.stringify(capped) };
}

/** The inspector's table: saves capped exchanges, reads them per answer, prunes by age and size. */
export class ExchangeStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  save(exchange: NewExchange, maxBytes = MAX_EXCHANGE_BYTES): number {
    const capped = capAttempts(exchange.attempts, maxBytes);
    const { truncated } = capped;
    const json =
      exchange.step === undefined
        ? capped.json
        : JSON.stringify({
            step: exchange.step,
            toolCalls: exchange.toolCalls ?? [],
            attempts: capped.attempts,
          } satisfies SteppedAttempts);
    const result = this.db
      .prepare(
        `INSERT INTO exchanges (message_id, created_at, provider, model, stream, timing, truncated, size_bytes, attempts)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        exchange.messageId,
        this.now(),
        exchange.provider,
        exchange.model,
        exchange.stream ? 1 : 0,
        exchange.timing ? JSON.stringify(exchange.timing) : null,
        truncated ? 1 : 0,
        Buffer.byteLength(json),
        json,
      );
    return Number(result.lastInsertRowid);
  }

  forMessage(messageId: string): ExchangeRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM exchanges WHERE message_id = ? ORDER BY id')
      .all(messageId) as ExchangeRow[];
    return rows.map(toRecord);
  }

  /** Deletes exchanges older than `keepDays`, then the oldest until the rest fit `maxBytes`. */
  prune(limits: { keepDays: number; maxBytes: number }): number {
    const cutoff = this.now() - limits.keepDays * 86_400_000;
    let removed = this.db.prepare('DELETE FROM exchanges WHERE created_at < ?').run(cutoff).changes;
    const total = () =>
      (
        this.db.prepare('SELECT COALESCE(SUM(size_bytes), 0) AS n FROM exchanges').get() as {
          n: number;
        }
      ).n;
    let excess = total() - limits.maxBytes;
    if (excess <= 0) return removed;
    const oldest = this.db
      .prepare('SELECT id, size_bytes FROM exchanges ORDER BY created_at, id')
      .iterate() as IterableIterator<{ id: number; size_bytes: number }>;
    const ids: number[] = [];
    for (const row of oldest) {
      if (excess <= 0) break;
      ids.push(row.id);
      excess -= row.size_bytes;
    }
    const del = this.db.prepare('DELETE FROM exchanges WHERE id = ?');
    this.db.transaction(() => ids.forEach((id) => (removed += del.run(id).changes)))();
    return removed;
  }
}

function toRecord(row: ExchangeRow): ExchangeRecord {
  const stored = JSON.parse(row.attempts) as ExchangeAttemptView[] | SteppedAttempts;
  const stepped = Array.isArray(stored) ? null : stored;
  return {
    ...(stepped ? { step: stepped.step, toolCalls: stepped.toolCalls } : {}),
    id: row.id,
    messageId: row.message_id,
    createdAt: row.created_at,
    provider: row.provider,
    model: row.model,
    stream: row.stream === 1,
    attempts: stepped ? stepped.attempts : (stored as ExchangeAttemptView[]),
    timing: row.timing ? (JSON.parse(row.timing) as ExchangeRecord['timing']) : null,
    truncated: row.truncated === 1,
    sizeBytes: row.size_bytes,
  };
}
