import { describe, expect, it } from 'vitest';
import { dayBuckets } from '../../../src/renderer/src/features/usage/lib/usageDays';
import {
  formatCost,
  headroom,
  lowestBudget,
} from '../../../src/renderer/src/features/usage/lib/usageFormat';

describe('usage formatting', () => {
  it('shows an unknown cost as —, never $0, and flags unpriced calls in a sum', () => {
    expect(formatCost({ cost: null, unpricedCalls: 3 })).toBe('—');
    expect(formatCost({ cost: 0, unpricedCalls: 0 })).toBe('$0.00');
    expect(formatCost({ cost: 0.00123, unpricedCalls: 0 })).toBe('$0.0012');
    expect(formatCost({ cost: 12.5, unpricedCalls: 1 })).toBe('$12.50 +');
  });

  it('measures headroom only when the provider gave both figures', () => {
    expect(headroom({ limit: 100, remaining: 5, resetAt: null })).toBe(0.05);
    expect(headroom({ limit: null, remaining: 5, resetAt: null })).toBeNull();
    expect(headroom(null)).toBeNull();
  });

  it('warns on the tightest budget under 10%, and not otherwise', () => {
    const info = {
      headers: {},
      requests: { limit: 100, remaining: 50 },
      inputTokens: { limit: 1000, remaining: 80 },
      outputTokens: { limit: 1000, remaining: 20 },
    };
    expect(lowestBudget(info)?.name).toBe('output tokens');
    expect(lowestBudget({ headers: {}, requests: { limit: 100, remaining: 10 } })).toBeNull();
  });

  it('fills quiet days with zero bars across the range', () => {
    const zero = {
      calls: 0,
      inputTokens: 0,
      cachedInputTokens: 0,
      cacheWriteTokens: 0,
      outputTokens: 0,
      reasoningTokens: 0,
      cost: null,
      cacheSavings: null,
      estimatedCalls: 0,
      estimatedInputTokens: 0,
      estimatedOutputTokens: 0,
      unpricedCalls: 0,
      searches: 0,
      searchCost: null,
      unpricedSearches: 0,
    };
    const from = Date.UTC(2026, 10, 1);
    const report = {
      range: { from, to: from + 3 * 86_400_000, utcOffsetMinutes: 0 },
      totals: zero,
      byDay: [{ ...zero, key: '2026-11-02', calls: 4 }],
      byModel: [],
      byProvider: [],
      bySearchProvider: [],
    };
    expect(dayBuckets(report).map((d) => [d.key, d.calls])).toEqual([
      ['2026-11-01', 0],
      ['2026-11-02', 4],
      ['2026-11-03', 0],
    ]);
  });
});
