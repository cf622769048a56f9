import type { IpcHandlers } from '../../../shared/ipc';
import type { RateLimitBudget, RateLimitView } from '../../../shared/usage';
import type { RateLimitBucket } from '../../../shared/stream';
import type { ProfileService } from '../profiles/ProfileService';
import type { Store } from '../store/Store';
import type { PriceOverrides } from './priceOverrides';
import { usageCsv } from './usageCsv';
import { UsageReporter } from './usageReport';

type UsageHandlers = Pick<
  IpcHandlers,
  | 'getUsageReport'
  | 'exportUsageCsv'
  | 'getRateLimits'
  | 'listPrices'
  | 'setPriceOverride'
  | 'removePriceOverride'
>;

/** The Usage screen's and the price editor's channels, over the ledger and preferences. */
export function createUsageHandlers(deps: {
  store: Store;
  prices: PriceOverrides;
  profiles: Pick<ProfileService, 'find'>;
}): UsageHandlers {
  const reporter = new UsageReporter(deps.store.db);
  return {
    async getUsageReport(range) {
      return reporter.report(range);
    },
    async exportUsageCsv(range) {
      const day = (t: number) =>
        new Date(t + range.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
      return {
        fileName: `switchboard-usage-${day(range.from)}-to-${day(range.to - 1)}.csv`,
        mimeType: 'text/csv',
        content: usageCsv(reporter.report(range)),
      };
    },
    async getRateLimits() {
      return deps.store.rateLimits.list().map((row): RateLimitView => ({
        profileId: row.profileId,
        profileName: deps.profiles.find(row.profileId)?.name ?? null,
        observedAt: row.observedAt,
        requests: budget(row.info.requests),
        // Anthropic splits tokens into input and output budgets; the tighter one is the headroom.
        tokens: budget(row.info.tokens ?? tighter(row.info.inputTokens, row.info.outputTokens)),
      }));
    },
    async listPrices() {
      return deps.prices.view();
    },
    async setPriceOverride(price) {
      deps.prices.set(price);
      return deps.prices.view();
    },
    async removePriceOverride({ model }) {
      deps.prices.remove(model);
      return deps.prices.view();
    },
  };
}

function budget(bucket: RateLimitBucket | undefined): RateLimitBudget | null {
  if (!bucket) return null;
  return {
    limit: bucket.limit ?? null,
    remaining: bucket.remaining ?? null,
    resetAt: bucket.resetAt ?? null,
  };
}

function tighter(a: RateLimitBucket | undefined, b: RateLimitBucket | undefined) {
  if (!a || !b) return a ?? b;
  const share = (x: RateLimitBucket) =>
    x.limit && x.remaining !== undefined ? x.remaining / x.limit : 1;
  return share(a) <= share(b) ? a : b;
}
