import { describe, expect, it } from 'vitest';
import { createMemoryPreferences } from '../../../src/main/core/preferences/PreferencesStore';
import { PriceOverrides } from '../../../src/main/core/usage/priceOverrides';
import { usageCsv } from '../../../src/main/core/usage/usageCsv';
import { FIGURES, rangeOfDays, UsageReporter } from '../../../src/main/core/usage/usageReport';
import { searchUsageCall } from '../../../src/main/core/usage/searchUsage';
import { searchProviders } from '../../../src/shared/searchChannels';
import { providerTypes } from '../../../src/shared/profiles';
import type { UsageCall } from '../../../src/main/core/store/UsageLedger';
import { tempStore } from '../store/helpers';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 20, 12); // noon UTC, 20 Nov 2026

function call(overrides: Partial<UsageCall> = {}): UsageCall {
  return {
    kind: 'chat',
    profileId: 'p1',
    provider: 'openai',
    model: 'gpt-4o',
    conversationId: 'c1',
    messageId: 'm1',
    usage: { inputTokens: 1000, outputTokens: 500, totalTokens: 1500, source: 'provider' },
    ttftMs: 100,
    durationMs: 900,
    outcome: 'stop',
    ...overrides,
  };
}

function setup() {
  const { store, clock } = tempStore();
  const at = (t: number, c: UsageCall) => {
    clock.set(t - 1);
    store.ledger.record(c);
  };
  return { store, at, reporter: new UsageReporter(store.db) };
}

describe('ledger cost', () => {
  it('prices cached input at the cached price and leaves unknown models null, never 0', () => {
    const { store, at } = setup();
    at(
      T0,
      call({
        usage: {
          inputTokens: 1_000_000,
          cachedInputTokens: 400_000,
          outputTokens: 100_000,
          totalTokens: 0,
          source: 'provider',
        },
      }),
    );
    at(T0, call({ model: 'emu-1' }));
    at(T0, call({ model: 'gpt-4o-2024-08-06', usage: null, outcome: 'error' }));
    const costs = store.db.prepare('SELECT cost FROM usage_ledger ORDER BY id').all() as {
      cost: number | null;
    }[];
    // 600k × $2.50 + 400k × $1.25 + 100k × $10 per million
    expect(costs[0]!.cost).toBeCloseTo(1.5 + 0.5 + 1.0, 10);
    expect(costs[1]!.cost).toBeNull();
    expect(costs[2]!.cost).toBeNull();
  });

  it('uses a price override from settings at record time and keeps earlier costs', () => {
    const { store, at } = setup();
    const prices = new PriceOverrides(createMemoryPreferences());
    store.ledger.usePrices((model) => prices.priceFor(model));
    at(T0, call({ model: 'emu-1' }));
    prices.set({
      model: 'emu-1',
      provider: 'openai',
      inputPerMTok: 1,
      cachedInputPerMTok: null,
      outputPerMTok: 2,
    });
    at(T0, call({ model: 'emu-1' }));
    const costs = store.db.prepare('SELECT cost FROM usage_ledger ORDER BY id').all() as {
      cost: number | null;
    }[];
    expect(costs.map((c) => c.cost)).toEqual([null, (1000 * 1 + 500 * 2) / 1e6]);
    expect(prices.view().prices.find((p) => p.model === 'emu-1')?.origin).toBe('override');
    expect(prices.remove('EMU-1')).toBe(true);
    expect(prices.priceFor('emu-1')).toBeNull();
  });

  it('bills cache writes at an override’s write price, and at 1.25× input when it has none', () => {
    const { store, at } = setup();
    const prices = new PriceOverrides(createMemoryPreferences());
    store.ledger.usePrices((model) => prices.priceFor(model));
    const writes = {
      inputTokens: 1_000_000,
      cacheWriteTokens: 600_000,
      outputTokens: 0,
      totalTokens: 1_000_000,
      source: 'provider' as const,
    };
    const price = {
      model: 'claude-sonnet-4-5',
      provider: 'anthropic' as const,
      inputPerMTok: 2,
      cachedInputPerMTok: 0.2,
      outputPerMTok: 10,
    };
    prices.set({ ...price, cacheWritePerMTok: 4 });
    at(T0, call({ provider: 'anthropic', model: 'claude-sonnet-4-5', usage: writes }));
    prices.set({ ...price, cacheWritePerMTok: null });
    at(T0, call({ provider: 'anthropic', model: 'claude-sonnet-4-5', usage: writes }));
    const costs = store.db.prepare('SELECT cost FROM usage_ledger ORDER BY id').all() as {
      cost: number;
    }[];
    // 400k uncached × $2 + 600k written × $4, then × $2.50 (1.25 × $2), per million
    expect(costs[0]!.cost).toBeCloseTo(0.8 + 2.4, 10);
    expect(costs[1]!.cost).toBeCloseTo(0.8 + 1.5, 10);
  });
});

describe('usage aggregation', () => {
  it('totals, groups by local day, model and provider, marks estimates and unpriced calls', () => {
    const { at, reporter } = setup();
    at(T0, call());
    at(
      T0 + 1000,
      call({
        kind: 'title',
        usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15, source: 'estimated' },
      }),
    );
    at(T0 - DAY, call({ provider: 'anthropic', model: 'claude-haiku-4-5', profileId: 'p2' }));
    at(T0 - DAY, call({ model: 'emu-1', conversationId: null }));
    at(T0 - 40 * DAY, call()); // outside 30 days
    const range = rangeOfDays(30, T0 + 2000, 0);
    const report = reporter.report(range);
    expect(report.totals.calls).toBe(4);
    expect(report.totals.inputTokens).toBe(3010);
    expect(report.totals.outputTokens).toBe(1505);
    expect(report.totals.estimatedCalls).toBe(1);
    expect(report.totals.estimatedInputTokens).toBe(10);
    expect(report.totals.estimatedOutputTokens).toBe(5);
    expect(report.totals.unpricedCalls).toBe(1);
    const gpt = (1000 * 2.5 + 500 * 10) / 1e6;
    const title = (10 * 2.5 + 5 * 10) / 1e6;
    const haiku = (1000 * 1 + 500 * 5) / 1e6;
    expect(report.totals.cost).toBeCloseTo(gpt + title + haiku, 12);
    expect(report.byDay.map((d) => [d.key, d.calls])).toEqual([
      ['2026-11-19', 2],
      ['2026-11-20', 2],
    ]);
    expect(report.byModel.map((m) => [m.key, m.calls])).toEqual([
      ['gpt-4o', 2],
      ['claude-haiku-4-5', 1],
      ['emu-1', 1],
    ]);
    expect(report.byModel.find((m) => m.key === 'emu-1')?.cost).toBeNull();
    expect(report.byProvider.map((p) => p.key)).toEqual(['openai', 'anthropic']);
  });

  it('buckets days in the viewer’s time zone', () => {
    const { at, reporter } = setup();
    at(Date.UTC(2026, 10, 20, 23, 30), call());
    const range = { from: 0, to: Date.UTC(2027, 0, 1), utcOffsetMinutes: 60 };
    expect(reporter.rows(range, 'day').map((d) => d.key)).toEqual(['2026-11-21']);
  });

  it('today starts at local midnight; 7 days covers today and the 6 before', () => {
    const now = Date.UTC(2026, 10, 20, 1, 0);
    expect(rangeOfDays(1, now, 120).from).toBe(Date.UTC(2026, 10, 19, 22, 0));
    expect(rangeOfDays(7, now, 0).from).toBe(Date.UTC(2026, 10, 14));
  });

  it('rows of a deleted conversation stay in the ledger', () => {
    const { store, at, reporter } = setup();
    const conversation = store.conversations.create({
      title: 't',
      settings: { profileId: 'p1', model: 'gpt-4o', systemPrompt: null, parameters: {} },
    });
    at(T0, call({ conversationId: conversation.id }));
    store.conversations.softDelete(conversation.id);
    expect(store.conversations.purgeDeleted(T0 + DAY)).toBe(1);
    expect(reporter.figures({ from: 0, to: T0 + DAY, utcOffsetMinutes: 0 }).calls).toBe(1);
  });

  it('uses the covering index for the range query', () => {
    const { store } = setup();
    const plan = store.db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT SUM(input_tokens), SUM(cost) FROM usage_ledger WHERE created_at >= 0 AND created_at < 1',
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX usage_ledger_range/);
  });
});

function searchRow(provider: 'searxng' | 'brave' | 'tavily', fee: number | null): UsageCall {
  const sent = { provider, ok: true, fee, durationMs: 120 };
  return searchUsageCall(sent, { conversationId: 'c1', messageId: 'm1' });
}

describe('searches in the report', () => {
  it('counts searches apart from model calls, with their fees in the cost and unknown fees as null', () => {
    const { at, reporter } = setup();
    at(T0, call());
    at(T0, searchRow('tavily', 0.008));
    at(T0, searchRow('tavily', 0.008));
    at(T0, searchRow('searxng', null));
    at(
      T0,
      searchUsageCall(
        { provider: 'tavily', ok: false, fee: null, durationMs: 5 },
        {
          conversationId: 'c1',
          messageId: 'm1',
        },
      ),
    );
    const report = reporter.report(rangeOfDays(1, T0 + 10, 0));
    expect(report.totals).toMatchObject({ calls: 1, searches: 4, unpricedSearches: 2 });
    expect(report.totals.searchCost).toBeCloseTo(0.016, 10);
    // 1,000 in × $2.50 + 500 out × $10 per million, plus the two priced searches.
    expect(report.totals.cost).toBeCloseTo(0.0075 + 0.016, 10);
    expect(report.totals.unpricedCalls).toBe(0);
    expect(report.byModel.map((r) => r.key)).toEqual(['gpt-4o']);
    expect(report.byProvider.map((r) => r.key)).toEqual(['openai']);
    expect(report.bySearchProvider.map((r) => [r.key, r.searches, r.searchCost])).toEqual([
      ['tavily', 3, expect.closeTo(0.016, 10)],
      ['searxng', 1, null],
    ]);
    expect(report.byDay[0]).toMatchObject({ calls: 1, searches: 4 });
  });

  it('a search provider id is never a provider type, so the report cannot mistake one for the other', () => {
    for (const provider of searchProviders) expect(providerTypes).not.toContain(provider);
  });

  it('the report’s figures still read only the covering index', () => {
    const { store } = setup();
    const plan = store.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT provider AS key, ${FIGURES} FROM usage_ledger WHERE created_at >= 0 AND created_at < 1 GROUP BY key`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX usage_ledger_range/);
  });
});

describe('usage CSV', () => {
  it('writes every grouping and the total, an unknown cost as an empty cell, and defuses formulas', () => {
    const { at, reporter } = setup();
    at(T0, call());
    at(T0, call({ model: '=HYPERLINK("x")' }));
    const csv = usageCsv(reporter.report(rangeOfDays(1, T0 + 10, 0)));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'group,key,calls,input_tokens,cached_input_tokens,output_tokens,reasoning_tokens,cost_usd,estimated_calls,estimated_input_tokens,estimated_output_tokens,unpriced_calls,cache_write_tokens,cache_savings_usd,searches,search_cost_usd,unpriced_searches',
    );
    expect(lines).toContain('model,gpt-4o,1,1000,0,500,0,0.007500,0,0,0,0,0,,0,,0');
    expect(lines).toContain(`model,"'=HYPERLINK(""x"")",1,1000,0,500,0,,0,0,0,1,0,,0,,0`);
    expect(lines.at(-1)).toBe('total,all,2,2000,0,1000,0,0.007500,0,0,0,1,0,,0,,0');
  });

  it('writes the searches per search provider, an unknown fee as an empty cell', () => {
    const { at, reporter } = setup();
    at(T0, call());
    at(T0, searchRow('tavily', 0.008));
    at(T0, searchRow('brave', null));
    const lines = usageCsv(reporter.report(rangeOfDays(1, T0 + 10, 0)))
      .trimEnd()
      .split('\r\n');
    expect(lines).toContain('search,tavily,0,0,0,0,0,0.008000,0,0,0,0,0,,1,0.008000,0');
    expect(lines).toContain('search,brave,0,0,0,0,0,,0,0,0,0,0,,1,,1');
    expect(lines.at(-1)).toBe('total,all,1,1000,0,500,0,0.015500,0,0,0,0,0,,2,0.008000,1');
  });
});
