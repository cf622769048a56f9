import { describe, expect, it, vi } from 'vitest';
import { failed, installFakeApi, ok, type FakeApi } from './fakeApi';
import type * as InspectorStore from '../../../../src/renderer/src/features/inspector/store/inspectorStore';
import type { CaptureSettings, ExchangeRecord } from '../../../../src/shared/exchanges';

let fake: FakeApi;

async function page() {
  vi.resetModules();
  fake = installFakeApi();
  return (await import('../../../../src/renderer/src/features/inspector/store/inspectorStore')) as typeof InspectorStore;
}

const capture = { enabled: true, days: 7 } as unknown as CaptureSettings;

describe('inspector store', () => {
  it("loads an answer's exchanges with capture's settings", async () => {
    const { useInspectorStore } = await page();
    const exchanges = [{ id: 'x1' }, { id: 'x2' }] as unknown as ExchangeRecord[];
    fake.answer('getExchanges', () => ok(exchanges));
    fake.answer('getCaptureSettings', () => ok(capture));
    expect(await useInspectorStore.getState().load('m1')).toBe(exchanges);
    expect(fake.calls('getExchanges')).toEqual([{ messageId: 'm1' }]);
    expect(useInspectorStore.getState()).toMatchObject({
      loaded: { state: 'ready', exchanges },
      capture,
    });
  });

  it('says why the exchanges could not be read', async () => {
    const { useInspectorStore } = await page();
    fake.answer('getExchanges', () => failed('The history is locked'));
    fake.answer('getCaptureSettings', () => ok(capture));
    expect(await useInspectorStore.getState().load('m1')).toBeNull();
    expect(useInspectorStore.getState().loaded).toEqual({
      state: 'error',
      message: 'The history is locked',
    });
  });

  it('builds quick changes on each other, and shows what main holds when it refuses one', async () => {
    const { useInspectorStore } = await page();
    fake.answer('getExchanges', () => ok([]));
    fake.answer('getCaptureSettings', () => ok(capture));
    await useInspectorStore.getState().load('m1');
    fake.answer('setCaptureSettings', (next) => ok(next as CaptureSettings));
    const first = useInspectorStore.getState().changeCapture({ days: 3 } as never);
    const second = useInspectorStore.getState().changeCapture({ enabled: false });
    await Promise.all([first, second]);
    expect(fake.calls('setCaptureSettings').at(-1)).toEqual({ enabled: false, days: 3 });
    fake.answer('setCaptureSettings', () => failed('Read-only preferences'));
    await useInspectorStore.getState().changeCapture({ enabled: true });
    expect(useInspectorStore.getState().capture).toEqual(capture);
  });
});
