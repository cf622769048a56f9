import { describe, expect, it, vi } from 'vitest';
import { failed, installFakeApi, ok, type FakeApi } from './fakeApi';
import type * as SearchStore from '../../../../src/renderer/src/features/settings/store/searchSettingsStore';
import { defaultSearchSettings, type SearchSnapshot } from '../../../../src/shared/searchChannels';

let fake: FakeApi;

async function page() {
  vi.resetModules();
  fake = installFakeApi();
  return (await import('../../../../src/renderer/src/features/settings/store/searchSettingsStore')) as typeof SearchStore;
}

const none: SearchSnapshot = {
  settings: defaultSearchSettings,
  hasKey: { brave: false, tavily: false },
  ready: false,
};
const brave: SearchSnapshot = {
  settings: { ...defaultSearchSettings, provider: 'brave' },
  hasKey: { brave: true, tavily: false },
  ready: true,
};

describe('search settings store', () => {
  it('loads what main keeps, saves a new key once (it never comes back), clears the old test', async () => {
    const { useSearchSettings } = await page();
    fake.answer('getSearchSettings', () => ok(none));
    await useSearchSettings.getState().load();
    expect(useSearchSettings.getState().snapshot?.ready).toBe(false);
    fake.answer('testSearch', () =>
      ok({ ok: true, message: 'Brave Search answered with 5 results.', results: 5 }),
    );
    await useSearchSettings.getState().runTest();
    expect(useSearchSettings.getState().test?.results).toBe(5);
    fake.answer('saveSearchSettings', () => ok(brave));
    const request = { settings: brave.settings, key: { provider: 'brave' as const, value: 'k-1' } };
    expect(await useSearchSettings.getState().save(request)).toBe(true);
    expect(fake.calls('saveSearchSettings')).toEqual([request]);
    expect(useSearchSettings.getState()).toMatchObject({
      snapshot: brave,
      test: null,
      error: null,
    });
    expect(JSON.stringify(useSearchSettings.getState().snapshot)).not.toContain('k-1');
  });

  it('a read that comes back after a save does not put the old settings back', async () => {
    const { useSearchSettings } = await page();
    let answerLoad: (snapshot: SearchSnapshot) => void = () => {};
    fake.answer(
      'getSearchSettings',
      () => new Promise((resolve) => (answerLoad = (snapshot) => resolve(ok(snapshot)))),
    );
    // The chat panel asks when it mounts; the person saves before main has answered it.
    const loading = useSearchSettings.getState().load();
    fake.answer('saveSearchSettings', () => ok(brave));
    expect(await useSearchSettings.getState().save({ settings: brave.settings })).toBe(true);
    answerLoad(none);
    await loading;
    expect(useSearchSettings.getState().snapshot).toEqual(brave);
  });

  it('a refused save or test says why and keeps what was there', async () => {
    const { useSearchSettings } = await page();
    fake.answer('getSearchSettings', () => ok(brave));
    await useSearchSettings.getState().load();
    fake.answer('saveSearchSettings', () => failed('The key was not saved: no keychain.'));
    expect(await useSearchSettings.getState().save({ settings: brave.settings })).toBe(false);
    expect(useSearchSettings.getState()).toMatchObject({
      snapshot: brave,
      error: 'The key was not saved: no keychain.',
    });
    fake.answer('testSearch', () => failed('unavailable'));
    await useSearchSettings.getState().runTest();
    expect(useSearchSettings.getState()).toMatchObject({
      testing: false,
      test: null,
      error: 'unavailable',
    });
  });
});
