/**
 * CLI calls go into the app's usage ledger (kinds `cli-ask`, `cli-compare`), unless --no-record.
 * The history is opened only after the answer is out, so a lock or a slow disk never holds up
 * the answer, and a history that cannot be written costs only a note on stderr.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appConfigDir } from '../main/core/preferences/appConfigDir';
import { openConfPreferences } from '../main/core/preferences/confPreferences';
import type { ProviderTarget } from '../main/core/providers/types';
import type { PersistSave } from '../main/core/store/PendingSaves';
import type { PriceLookup, UsageCall } from '../main/core/store/UsageLedger';
import { openUsageLedger, whyNotWritten } from '../main/core/store/UsageLedgerFile';
import { PriceOverrides } from '../main/core/usage/priceOverrides';
import { UsageWriter } from '../main/core/usage/UsageWriter';
import type { CallPricer } from '../main/core/compare/compareModels';
import { costOf, findPrice } from '../shared/pricing';
import type { RateLimitInfo, StreamEvent } from '../shared/stream';

export interface CliUsage {
  /** Sees each event of a call to `target`; keeps the newest rate-limit budgets. */
  observe(target: ProviderTarget, event: StreamEvent): void;
  /** Writes the calls and the budgets seen, or says on stderr why not. Never throws. */
  record(calls: UsageCall[]): void;
}

/** The part of a ledger row every CLI call fills the same way. */
export function cliCall(
  kind: 'cli-ask' | 'cli-compare',
  target: ProviderTarget,
  figures: Pick<UsageCall, 'model' | 'usage' | 'ttftMs' | 'durationMs' | 'outcome'>,
): UsageCall {
  return {
    kind,
    profileId: target.profile.id,
    provider: target.profile.type,
    conversationId: null,
    messageId: null,
    ...figures,
  };
}

export function cliUsage(options: {
  record: boolean;
  env: NodeJS.ProcessEnv;
  stderr: (text: string) => void;
}): CliUsage {
  const headroom = new Map<string, { provider: string; info: RateLimitInfo }>();
  if (!options.record) return { observe: () => undefined, record: () => undefined };
  return {
    observe(target, event) {
      if (event.type === 'rateLimit')
        headroom.set(target.profile.id, { provider: target.profile.type, info: event.rateLimit });
    },
    record(calls) {
      const dir = appConfigDir(options.env);
      const note = (what: string, why: string, file: string) =>
        options.stderr(
          `note: ${what} not recorded in the usage history (${why}; ${file}). --no-record skips recording.\n`,
        );
      const opened = openUsageLedger(dir);
      if (!opened.ok) return note(whatOf(calls), opened.why, opened.file);
      let failure: unknown = null;
      // One try per process: after a failure (a lock already waited 5 s for) the rest is skipped.
      const persist: PersistSave = (save) => {
        if (failure === null) save();
      };
      try {
        opened.tables.ledger.usePrices(pricesIn(dir));
        const writer = new UsageWriter(opened.tables, {
          persist,
          unrecorded: (error) => (failure ??= error),
        });
        writer.recordCalls(calls);
        if (failure !== null)
          return note(whatOf(calls), whyNotWritten(failure, opened.file), opened.file);
        for (const [profileId, seen] of headroom)
          writer.recordHeadroom(profileId, seen.provider, seen.info);
        if (failure !== null)
          note('its rate-limit budgets were', whyNotWritten(failure, opened.file), opened.file);
      } finally {
        opened.close();
      }
    },
  };
}

function whatOf(calls: UsageCall[]): string {
  return calls.length === 1 ? 'this call was' : `these ${calls.length} calls were`;
}

/** The prices the app fixes costs with (settings overrides first), when it has preferences. */
function pricesIn(dir: string): PriceLookup {
  if (!existsSync(join(dir, 'config.json'))) return (model) => findPrice(model);
  const prices = new PriceOverrides(openConfPreferences(dir).store);
  return (model) => prices.priceFor(model);
}

/**
 * What a call costs at the prices the app would fix it with, so the figures the CLI prints are
 * the ledger's: a price edited in the app's settings counts here too.
 */
export function cliPricer(env: NodeJS.ProcessEnv): CallPricer {
  const lookup = pricesIn(appConfigDir(env));
  return (usage, model) => costOf(usage, lookup(model));
}
