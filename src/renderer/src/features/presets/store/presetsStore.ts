/** Presets and the prompt library as main keeps them; every change is main's answer, shown. */
import { create } from 'zustand';
import type { Preset, PresetLibrary, SavedPrompt } from '../../../../../shared/presets';
import { api } from '../../../lib/api';
import { i18n, ipcErrorText } from '../../../lib/i18n';
import { offerDownload } from '../../../lib/download';

type Draft<T extends { id: string }> = Omit<T, 'id'> & { id?: string };

interface PresetsState extends PresetLibrary {
  loaded: boolean;
  notice: { kind: 'info' | 'error'; text: string } | null;
  load(): Promise<void>;
  savePreset(preset: Draft<Preset>): Promise<boolean>;
  duplicate(presetId: string): Promise<void>;
  remove(presetId: string): Promise<void>;
  setDefault(presetId: string | null): Promise<void>;
  savePrompt(prompt: Draft<SavedPrompt>): Promise<boolean>;
  removePrompt(promptId: string): Promise<void>;
  exportFile(): Promise<void>;
  importFile(file: File): Promise<void>;
}

export const usePresetsStore = create<PresetsState>((set, get) => {
  /** Takes main's answer (the whole library) or says why not. */
  const take = (
    result: { ok: true; value: PresetLibrary } | { ok: false; error: { message: string } },
  ): boolean => {
    if (!result.ok) set({ notice: { kind: 'error', text: ipcErrorText(result.error) } });
    else set({ ...result.value, loaded: true, notice: null });
    return result.ok;
  };
  return {
    presets: [],
    defaultPresetId: null,
    prompts: [],
    loaded: false,
    notice: null,
    async load() {
      take(await api.listPresets({}));
    },
    async savePreset(preset) {
      return take(await api.savePreset({ preset }));
    },
    async duplicate(presetId) {
      const original = get().presets.find((p) => p.id === presetId);
      if (!original) return;
      const { id: _id, ...copy } = original;
      void _id;
      take(
        await api.savePreset({
          preset: { ...copy, name: `${original.name} (copy)`.slice(0, 100) },
        }),
      );
    },
    async remove(presetId) {
      take(await api.deletePreset({ presetId }));
    },
    async setDefault(presetId) {
      take(await api.setDefaultPreset({ presetId }));
    },
    async savePrompt(prompt) {
      return take(await api.savePrompt({ prompt }));
    },
    async removePrompt(promptId) {
      take(await api.deletePrompt({ promptId }));
    },
    async exportFile() {
      const result = await api.exportPresets({});
      if (!result.ok)
        return void set({ notice: { kind: 'error', text: ipcErrorText(result.error) } });
      offerDownload(result.value);
    },
    async importFile(file) {
      const result = await api.importPresets({ content: await file.text() });
      if (!result.ok)
        return void set({
          notice: {
            kind: 'error',
            text: i18n.t('presets:notImported', {
              name: file.name,
              reason: ipcErrorText(result.error),
            }),
          },
        });
      set({
        ...result.value.library,
        notice: {
          kind: 'info',
          text: i18n.t('presets:imported', {
            presets: result.value.presets,
            prompts: result.value.prompts,
          }),
        },
      });
    },
  };
});
