import { describe, expect, it, vi } from 'vitest';
import { failed, installFakeApi, ok, type FakeApi } from './fakeApi';
import type * as UsageStore from '../../../../src/renderer/src/features/usage/store/usageStore';
import type * as RateLimitStore from '../../../../src/renderer/src/features/usage/store/rateLimitStore';
import type { UsageReport } from '../../../../src/shared/usage';

let fake: FakeApi;

async function page() {
  vi.resetModules();
  fake = installFakeApi();
  return {
    ...((await import('../../../../src/renderer/src/features/usage/store/usageStore')) as typeof UsageStore),
    ...((await import('../../../../src/renderer/src/features/usage/store/rateLimitStore')) as typeof RateLimitStore),
  };
}

const range = { from: 0, to: 1 } as never;
const report = { totals: {}, byModel: [], byProvider: [], byDay: [] } as unknown as UsageReport;

describe('usage store', () => {
  it("shows a range's figures with every profile's last headroom", async () => {
    const { useUsageStore } = await page();
    fake.answer('getUsageReport', () => ok(report));
    fake.answer('getRateLimits', () => ok([{ profileId: 'p1' }] as never));
    await useUsageStore.getState().load(range);
    expect(useUsageStore.getState()).toMatchObject({ report, error: null });
    expect(useUsageStore.getState().limits).toHaveLength(1);
    expect(fake.calls('getUsageReport')).toEqual([range]);
  });

  it('says why the ledger could not be read, keeping the figures shown', async () => {
    const { useUsageStore } = await page();
    fake.answer('getUsageReport', () => ok(report));
    fake.answer('getRateLimits', () => ok([]));
    await useUsageStore.getState().load(range);
    fake.answer('getUsageReport', () => failed('The history is locked'));
    await useUsageStore.getState().load(range);
    expect(useUsageStore.getState()).toMatchObject({ report, error: 'The history is locked' });
    fake.answer('exportUsageCsv', () => failed('Nothing to export'));
    await useUsageStore.getState().exportCsv(range);
    expect(useUsageStore.getState().error).toBe('Nothing to export');
  });
});

describe('rate-limit warning store', () => {
  const rateLimit = (remaining: number) => ({
    type: 'rateLimit' as const,
    rateLimit: { requests: { limit: 100, remaining }, headers: {} },
  });
  const batch = (events: unknown[]) =>
    ({ streamId: 's', conversationId: 'c', messageId: 'm', events }) as never;

  it("warns when an answer's provider says a budget is nearly spent, and clears with headroom", async () => {
    const { useRateLimitStore, subscribeToRateLimits } = await page();
    subscribeToRateLimits();
    fake.emit('chatStream', batch([rateLimit(3)]));
    expect(useRateLimitStore.getState().low).toMatchObject({ name: 'requests' });
    fake.emit('chatStream', batch([{ type: 'text', text: 'x' }]));
    expect(useRateLimitStore.getState().low).not.toBeNull();
    fake.emit('chatStream', batch([rateLimit(90)]));
    expect(useRateLimitStore.getState().low).toBeNull();
    fake.emit('chatStream', batch([rateLimit(1)]));
    useRateLimitStore.getState().dismiss();
    expect(useRateLimitStore.getState().low).toBeNull();
  });
});
