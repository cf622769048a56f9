import { describe, expect, it, vi } from 'vitest';
import type { PresetLibrary } from '../../../../src/shared/presets';
import { failed, installFakeApi, ok, type FakeApi } from './fakeApi';
import type * as PresetsStore from '../../../../src/renderer/src/features/presets/store/presetsStore';

let fake: FakeApi;
async function page() {
  vi.resetModules();
  fake = installFakeApi();
  return (await import('../../../../src/renderer/src/features/presets/store/presetsStore')) as typeof PresetsStore;
}

const pirate = {
  id: 'p1',
  name: 'Pirate',
  systemPrompt: 'Arr.',
  profileId: 'openai',
  model: 'gpt-4o',
  parameters: { temperature: 0.4 },
};
const library = (patch: Partial<PresetLibrary> = {}): PresetLibrary => ({
  presets: [pirate],
  defaultPresetId: null,
  prompts: [],
  ...patch,
});

describe('presets store', () => {
  it('shows main’s library after each change; a duplicate is a new preset named as a copy', async () => {
    const { usePresetsStore } = await page();
    fake.answer('listPresets', () => ok(library()));
    await usePresetsStore.getState().load();
    expect(usePresetsStore.getState()).toMatchObject({ loaded: true, presets: [pirate] });
    fake.answer('savePreset', ({ preset }) =>
      ok(library({ presets: [pirate, { ...preset, id: 'p2' } as typeof pirate] })),
    );
    await usePresetsStore.getState().duplicate('p1');
    const { id: _id, ...copy } = pirate;
    void _id;
    expect(fake.calls('savePreset')).toEqual([{ preset: { ...copy, name: 'Pirate (copy)' } }]);
    expect(usePresetsStore.getState().presets.map((p) => p.name)).toEqual([
      'Pirate',
      'Pirate (copy)',
    ]);
    fake.answer('setDefaultPreset', ({ presetId }) => ok(library({ defaultPresetId: presetId })));
    await usePresetsStore.getState().setDefault('p1');
    expect(usePresetsStore.getState().defaultPresetId).toBe('p1');
  });

  it('says why an import was refused and keeps what was there', async () => {
    const { usePresetsStore } = await page();
    fake.answer('listPresets', () => ok(library()));
    await usePresetsStore.getState().load();
    fake.answer('importPresets', () => failed('This file is not a Switchboard presets export.'));
    const file = { name: 'x.json', text: async () => '{}' } as File;
    await usePresetsStore.getState().importFile(file);
    expect(usePresetsStore.getState()).toMatchObject({
      presets: [pirate],
      notice: {
        kind: 'error',
        text: 'x.json was not imported: This file is not a Switchboard presets export.',
      },
    });
  });
});
