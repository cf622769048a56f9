import { describe, expect, it } from 'vitest';
import { createMemoryPreferences } from '../../src/main/core/preferences/PreferencesStore';
import { PresetStore } from '../../src/main/core/presets/PresetStore';
import { fillPrompt, promptVariables } from '../../src/shared/presets';

const preset = {
  name: 'Terse reviewer',
  systemPrompt: 'Answer in one line.',
  profileId: 'openai',
  model: 'gpt-4o',
  parameters: { temperature: 0.2 },
};

describe('presets and saved prompts', () => {
  it('adds, edits, makes default, deletes (the default with it), and keeps them in preferences', () => {
    const preferences = createMemoryPreferences();
    const store = new PresetStore(preferences);
    const added = store.savePreset(preset).presets[0]!;
    store.savePreset({ ...added, name: 'Reviewer' });
    expect(store.setDefault(added.id).defaultPresetId).toBe(added.id);
    expect(new PresetStore(preferences).library()).toMatchObject({
      presets: [{ name: 'Reviewer', model: 'gpt-4o' }],
      defaultPresetId: added.id,
    });
    expect(() => store.savePreset({ ...preset, id: 'gone' })).toThrow(/no longer exists/);
    expect(store.deletePreset(added.id)).toEqual({
      presets: [],
      defaultPresetId: null,
      prompts: [],
    });
  });

  it('exports and imports beside what is there, refusing a file that is not one with why', () => {
    const store = new PresetStore(createMemoryPreferences());
    store.savePreset(preset);
    store.savePrompt({ name: 'Translate', text: 'Translate {{selection}} into {{language}}.' });
    const file = store.exportFile(Date.UTC(2026, 11, 3));
    expect(file.fileName).toBe('switchboard-presets-2026-12-03.json');
    const imported = store.importFile(file.content);
    expect(imported).toMatchObject({ presets: 1, prompts: 1 });
    expect(imported.library.presets).toHaveLength(2);
    expect(new Set(imported.library.presets.map((p) => p.id)).size).toBe(2);
    expect(() => store.importFile('{"format":"other"}')).toThrow(
      /not a Switchboard presets export/,
    );
    expect(() => store.importFile('nope')).toThrow(/not JSON/);
    expect(store.library().presets).toHaveLength(2);
  });

  it('drops only the entries of a hand-edited file that no longer parse', () => {
    const preferences = createMemoryPreferences({
      presetLibrary: {
        presets: [
          { id: 'x', name: '' },
          { ...preset, id: 'ok' },
        ],
        prompts: 'no',
      },
    });
    expect(new PresetStore(preferences).library()).toMatchObject({
      presets: [{ id: 'ok' }],
      prompts: [],
    });
  });

  it('finds a prompt’s variables once each, and fills them', () => {
    const text = 'On {{date}}: {{ selection }} — {{tone}} and {{date}}';
    expect(promptVariables(text)).toEqual(['date', 'selection', 'tone']);
    expect(fillPrompt(text, { date: '2026-12-03', selection: 'S', tone: 'kind' })).toBe(
      'On 2026-12-03: S — kind and 2026-12-03',
    );
  });
});
