import type { RateLimitInfo } from '../../../shared/stream';
import type { SqliteDatabase } from './database';

export interface StoredRateLimit {
  profileId: string;
  provider: string | null;
  observedAt: number;
  info: Omit<RateLimitInfo, 'headers'>;
}

/**
 * The last rate-limit headers each profile's provider sent. Kept in SQLite (not only memory) so
 * the headroom shown after a restart and in the CLI is the provider's last word, not nothing.
 */
export class RateLimitStore {
  private readonly upsert;
  private readonly selectAll;

  constructor(
    db: SqliteDatabase,
    private readonly now: () => number = Date.now,
  ) {
    this.upsert = db.prepare(
      `INSERT INTO rate_limits (profile_id, provider, observed_at, info) VALUES (?, ?, ?, ?)
       ON CONFLICT (profile_id) DO UPDATE SET provider = excluded.provider,
         observed_at = excluded.observed_at, info = excluded.info`,
    );
    this.selectAll = db.prepare(
      'SELECT profile_id, provider, observed_at, info FROM rate_limits ORDER BY profile_id',
    );
  }

  record(profileId: string, provider: string | null, info: RateLimitInfo): void {
    // Raw headers stay out: the inspector keeps them with the exchange; budgets are enough here.
    const { headers: _headers, ...budgets } = info;
    this.upsert.run(profileId, provider, this.now(), JSON.stringify(budgets));
  }

  list(): StoredRateLimit[] {
    const rows = this.selectAll.all() as {
      profile_id: string;
      provider: string | null;
      observed_at: number;
      info: string;
    }[];
    return rows.map((row) => ({
      profileId: row.profile_id,
      provider: row.provider,
      observedAt: row.observed_at,
      info: JSON.parse(row.info) as StoredRateLimit['info'],
    }));
  }
}
