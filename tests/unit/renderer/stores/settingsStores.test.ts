import { beforeEach, describe, expect, it, vi } from 'vitest';
import { failed, installFakeApi, ok, type FakeApi } from './fakeApi';
import { noProfiles } from './chatFixtures';
import type { ProfileView, ProfilesSnapshot } from '../../../../src/shared/profiles';
import type { PriceList } from '../../../../src/shared/usage';
import type * as SettingsStore from '../../../../src/renderer/src/features/settings/store/settingsStore';
import type * as PricesStore from '../../../../src/renderer/src/features/settings/store/pricesStore';
import type * as PriceDrafts from '../../../../src/renderer/src/features/settings/store/priceDrafts';
import type * as Preferences from '../../../../src/renderer/src/features/settings/store/generalPreferences';
import type * as Request from '../../../../src/renderer/src/features/settings/store/settingsRequest';
import type * as Cost from '../../../../src/renderer/src/lib/cost';

const dir = '../../../../src/renderer/src/features/settings/store';
let fake: FakeApi;

async function page() {
  vi.resetModules();
  fake = installFakeApi();
  return {
    ...((await import(`${dir}/settingsStore`)) as typeof SettingsStore),
    ...((await import(`${dir}/pricesStore`)) as typeof PricesStore),
    ...((await import(`${dir}/priceDrafts`)) as typeof PriceDrafts),
    ...((await import(`${dir}/generalPreferences`)) as typeof Preferences),
    ...((await import(`${dir}/settingsRequest`)) as typeof Request),
    ...((await import('../../../../src/renderer/src/lib/cost')) as typeof Cost),
  };
}

const view = (id: string, hasKey: boolean) =>
  ({ id, name: id, authMethod: 'apiKey', keyOptional: false, hasKey }) as ProfileView;
const snapshot = (profiles: ProfileView[], firstRun = false): ProfilesSnapshot => ({
  ...noProfiles,
  profiles,
  firstRun,
});

describe('settings store', () => {
  beforeEach(() => vi.useRealTimers());

  it('opens the first-run panel from the first load only', async () => {
    const { useSettingsStore } = await page();
    fake.answer('listProfiles', () => ok(snapshot([], true)));
    await useSettingsStore.getState().load();
    expect(useSettingsStore.getState().firstRunOpen).toBe(true);
    useSettingsStore.setState({ firstRunOpen: false });
    await useSettingsStore.getState().load();
    expect(useSettingsStore.getState().firstRunOpen).toBe(false);
  });

  it('reloads the profiles after a save, and a profile that can call ends the first run', async () => {
    const { useSettingsStore } = await page();
    let profiles: ProfileView[] = [];
    fake.answer('listProfiles', () => ok(snapshot(profiles, true)));
    await useSettingsStore.getState().load();
    fake.answer('saveProfile', () => {
      profiles = [view('p1', true)];
      return ok(view('p1', true));
    });
    const result = await useSettingsStore.getState().saveProfile({} as never);
    expect(result.ok).toBe(true);
    expect(useSettingsStore.getState().snapshot?.profiles.map((p) => p.id)).toEqual(['p1']);
    expect(useSettingsStore.getState().firstRunOpen).toBe(false);
  });

  it('hands a refused save back to the form and loads nothing', async () => {
    const { useSettingsStore } = await page();
    fake.answer('saveProfile', () => failed('Base URL is not a URL'));
    const result = await useSettingsStore.getState().saveProfile({} as never);
    expect(result).toMatchObject({ ok: false, error: { message: 'Base URL is not a URL' } });
    expect(fake.calls('listProfiles')).toHaveLength(0);
  });

  it('reloads after a delete, a new default and an import', async () => {
    const { useSettingsStore } = await page();
    fake.answer('listProfiles', () => ok(snapshot([])));
    fake.answer('deleteProfile', () => ok({ deleted: true }));
    fake.answer('setDefaultProfile', ({ id }) => ok({ defaultProfileId: id }));
    fake.answer('importCandidate', () => ok(view('p2', true)));
    await useSettingsStore.getState().deleteProfile('p1');
    await useSettingsStore.getState().setDefaultProfile('p1');
    await useSettingsStore
      .getState()
      .importCandidate({ candidateId: 'env:OPENAI_API_KEY', keyStorage: 'keychain' });
    expect(fake.calls('listProfiles')).toHaveLength(3);
  });

  it('keeps each notice once, whether it came at start or as an event', async () => {
    const { useSettingsStore, subscribeToSettings } = await page();
    fake.answer('listProfiles', () => ok(snapshot([])));
    const notice = { id: 'n1', level: 'warning' as const, message: 'Preferences were reset' };
    fake.answer('getNotices', () => ok([notice]));
    subscribeToSettings();
    await vi.waitFor(() => expect(useSettingsStore.getState().notices).toHaveLength(1));
    fake.emit('appNotice', notice);
    fake.emit('appNotice', { ...notice, id: 'n2' });
    expect(useSettingsStore.getState().notices.map((n) => n.id)).toEqual(['n1', 'n2']);
    useSettingsStore.getState().dismissNotice('n1');
    expect(useSettingsStore.getState().notices.map((n) => n.id)).toEqual(['n2']);
  });

  it('takes a request to open Settings once', async () => {
    const { useSettingsRequest } = await page();
    useSettingsRequest.getState().openSettings({ pane: 'profile', profileId: 'p1' });
    expect(useSettingsRequest.getState().target).toEqual({ pane: 'profile', profileId: 'p1' });
    useSettingsRequest.getState().taken();
    expect(useSettingsRequest.getState().target).toBeNull();
  });
});

describe('prices store', () => {
  const list = (inputPerMTok: number): PriceList =>
    ({
      asOf: '2026-01-01',
      prices: [
        {
          model: 'gpt-x',
          provider: 'openai',
          inputPerMTok,
          cachedInputPerMTok: null,
          outputPerMTok: 0,
          origin: 'shipped',
        },
      ],
    }) as unknown as PriceList;
  const usage = { inputTokens: 1_000_000, outputTokens: 0, totalTokens: 1_000_000 } as never;

  it('prices message footers with the list main serves, and with an edit once main keeps it', async () => {
    const { usePricesStore, loadPriceList, costOf } = await page();
    expect(costOf('gpt-x', usage)).toBeNull();
    fake.answer('listPrices', () => ok(list(2)));
    await loadPriceList();
    expect(costOf('gpt-x', usage)).toBe(2);
    fake.answer('setPriceOverride', () => ok(list(5)));
    expect(await usePricesStore.getState().setOverride({} as never)).toBe(true);
    expect(costOf('gpt-x', usage)).toBe(5);
  });

  it('keeps the last list and says why when main refuses an edit', async () => {
    const { usePricesStore, costOf } = await page();
    fake.answer('listPrices', () => ok(list(2)));
    await usePricesStore.getState().load();
    fake.answer('removePriceOverride', () => failed('The price file is read-only'));
    expect(await usePricesStore.getState().removeOverride('gpt-x')).toBe(false);
    expect(usePricesStore.getState().error).toBe('The price file is read-only');
    expect(costOf('gpt-x', usage)).toBe(2);
  });
});

describe('price drafts', () => {
  it('keep rows typed but not saved, each under its model, and the add form’s row', async () => {
    const { usePriceDrafts } = await page();
    const typed = (model: string, write: string) => ({
      ...usePriceDrafts.getState().added,
      model,
      input: '1',
      write,
    });
    usePriceDrafts.getState().setDrafts({ 'gpt-x': typed('gpt-x', '') });
    usePriceDrafts.getState().setDrafts((all) => ({ ...all, 'claude-x': typed('claude-x', '4') }));
    expect(Object.keys(usePriceDrafts.getState().drafts)).toEqual(['gpt-x', 'claude-x']);
    expect(usePriceDrafts.getState().drafts['claude-x']?.write).toBe('4');
    usePriceDrafts.getState().setAdded((added) => ({ ...added, model: 'emu-1' }));
    expect(usePriceDrafts.getState().added).toMatchObject({ model: 'emu-1', write: '' });
  });
});

describe('general preferences', () => {
  it('keep the send key across reloads of the page', async () => {
    const { useGeneralPreferences } = await page();
    expect(useGeneralPreferences.getState().sendKey).toBe('enter');
    useGeneralPreferences.getState().setSendKey('ctrlEnter');
    // The page reloads: the module starts again from what the page's storage kept.
    vi.resetModules();
    const again = (await import(`${dir}/generalPreferences`)) as typeof Preferences;
    expect(again.useGeneralPreferences.getState().sendKey).toBe('ctrlEnter');
  });

  it('send with Ctrl+Enter (Cmd on a Mac) when chosen, and never with Shift+Enter', async () => {
    const { isSendKey } = await page();
    const enter = { key: 'Enter', shiftKey: false, ctrlKey: false, metaKey: false };
    expect(isSendKey(enter, 'enter', false)).toBe(true);
    expect(isSendKey(enter, 'ctrlEnter', false)).toBe(false);
    expect(isSendKey({ ...enter, ctrlKey: true }, 'ctrlEnter', false)).toBe(true);
    expect(isSendKey({ ...enter, metaKey: true }, 'ctrlEnter', true)).toBe(true);
    expect(isSendKey({ ...enter, shiftKey: true }, 'enter', false)).toBe(false);
  });
});
