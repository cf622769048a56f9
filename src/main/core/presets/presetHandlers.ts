import type { IpcHandlers } from '../../../shared/ipc';
import type { PresetStore } from './PresetStore';

type PresetHandlers = Pick<
  IpcHandlers,
  | 'listPresets'
  | 'savePreset'
  | 'deletePreset'
  | 'setDefaultPreset'
  | 'exportPresets'
  | 'importPresets'
  | 'savePrompt'
  | 'deletePrompt'
>;

/** Presets and the prompt library, answered by the preset store. */
export function createPresetHandlers(presets: PresetStore, now = Date.now): PresetHandlers {
  return {
    listPresets: async () => presets.library(),
    savePreset: async ({ preset }) => presets.savePreset(preset),
    deletePreset: async ({ presetId }) => presets.deletePreset(presetId),
    setDefaultPreset: async ({ presetId }) => presets.setDefault(presetId),
    exportPresets: async () => presets.exportFile(now()),
    importPresets: async ({ content }) => presets.importFile(content),
    savePrompt: async ({ prompt }) => presets.savePrompt(prompt),
    deletePrompt: async ({ promptId }) => presets.deletePrompt(promptId),
  };
}
