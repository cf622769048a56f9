/**
 * What the composer sends with each message besides the text: model and parameters.
 * Null means "the profile's default"; the engine applies defaults in main.
 */
import { create } from 'zustand';

export interface ComposerSettings {
  model: string | null;
  temperature: number | null;
  maxTokens: number | null;
  system: string;
  /** Models the picker offers: learned from answers, or set by whoever lists a profile's models. */
  knownModels: string[];
  setModel(model: string | null): void;
  setTemperature(value: number | null): void;
  setMaxTokens(value: number | null): void;
  setSystem(value: string): void;
  setKnownModels(models: string[]): void;
  rememberModel(model: string): void;
}

export const useComposerSettings = create<ComposerSettings>((set, get) => ({
  model: null,
  temperature: null,
  maxTokens: null,
  system: '',
  knownModels: [],
  setModel: (model) => set({ model }),
  setTemperature: (temperature) => set({ temperature }),
  setMaxTokens: (maxTokens) => set({ maxTokens }),
  setSystem: (system) => set({ system }),
  setKnownModels: (knownModels) => set({ knownModels: [...new Set(knownModels)] }),
  rememberModel(model) {
    if (!get().knownModels.includes(model)) set({ knownModels: [...get().knownModels, model] });
  },
}));

/** The optional sendMessage fields for the current settings (only those that are set). */
export function sendOptions(settings: ComposerSettings): {
  model?: string;
  temperature?: number;
  maxTokens?: number;
  system?: string;
} {
  return {
    ...(settings.model ? { model: settings.model } : {}),
    ...(settings.temperature !== null ? { temperature: settings.temperature } : {}),
    ...(settings.maxTokens !== null ? { maxTokens: settings.maxTokens } : {}),
    ...(settings.system.trim() ? { system: settings.system } : {}),
  };
}
