import { randomUUID } from 'node:crypto';
import type { ExportedFile } from '../../../shared/conversations';
import {
  PRESETS_FORMAT,
  presetSchema,
  presetsFileSchema,
  savedPromptSchema,
  type Preset,
  type PresetLibrary,
  type SavedPrompt,
} from '../../../shared/presets';
import { HandlerError } from '../../../shared/result';
import type { PreferencesStore } from '../preferences/PreferencesStore';
import { spoken } from '../../../shared/said';

const KEY = 'presetLibrary';

/**
 * Presets and saved prompts in the preferences file (no secret in them: a preset names a
 * profile, never a key). What is read back is checked again, so a hand-edited file that no
 * longer parses loses only the entries that do not.
 */
export class PresetStore {
  constructor(private readonly preferences: PreferencesStore) {}

  library(): PresetLibrary {
    const raw = this.preferences.get(KEY) as Partial<PresetLibrary> | undefined;
    const presets = valid(raw?.presets, (p) => presetSchema.safeParse(p));
    const prompts = valid(raw?.prompts, (p) => savedPromptSchema.safeParse(p));
    const defaultPresetId = presets.some((p) => p.id === raw?.defaultPresetId)
      ? (raw!.defaultPresetId ?? null)
      : null;
    return { presets, defaultPresetId, prompts };
  }

  /** Adds a preset (no id) or replaces the one with its id. */
  savePreset(preset: Omit<Preset, 'id'> & { id?: string | undefined }): PresetLibrary {
    const library = this.library();
    const saved: Preset = { ...preset, id: preset.id ?? randomUUID() };
    const at = library.presets.findIndex((p) => p.id === saved.id);
    if (preset.id && at < 0) throw new HandlerError('not_found', spoken('ipc.presetGone'));
    if (at < 0) library.presets.push(saved);
    else library.presets[at] = saved;
    return this.write(library);
  }

  deletePreset(id: string): PresetLibrary {
    const library = this.library();
    library.presets = library.presets.filter((p) => p.id !== id);
    if (library.defaultPresetId === id) library.defaultPresetId = null;
    return this.write(library);
  }

  setDefault(id: string | null): PresetLibrary {
    const library = this.library();
    if (id !== null && !library.presets.some((p) => p.id === id))
      throw new HandlerError('not_found', spoken('ipc.presetGone'));
    return this.write({ ...library, defaultPresetId: id });
  }

  savePrompt(prompt: Omit<SavedPrompt, 'id'> & { id?: string | undefined }): PresetLibrary {
    const library = this.library();
    const saved: SavedPrompt = { ...prompt, id: prompt.id ?? randomUUID() };
    const at = library.prompts.findIndex((p) => p.id === saved.id);
    if (at < 0) library.prompts.push(saved);
    else library.prompts[at] = saved;
    return this.write(library);
  }

  deletePrompt(id: string): PresetLibrary {
    const library = this.library();
    library.prompts = library.prompts.filter((p) => p.id !== id);
    return this.write(library);
  }

  exportFile(at: number): ExportedFile {
    const { presets, prompts } = this.library();
    const day = new Date(at).toISOString().slice(0, 10);
    return {
      fileName: `switchboard-presets-${day}.json`,
      mimeType: 'application/json',
      content: JSON.stringify({ format: PRESETS_FORMAT, version: 1, presets, prompts }, null, 2),
    };
  }

  /**
   * Adds what a file holds beside what is here (new ids, so nothing here is overwritten). A
   * file that is not a presets export is refused whole, with why.
   */
  importFile(content: string): { presets: number; prompts: number; library: PresetLibrary } {
    let data: unknown;
    try {
      data = JSON.parse(content);
    } catch {
      throw new HandlerError('invalid_request', spoken('ipc.presetsNotJson'));
    }
    const parsed = presetsFileSchema.safeParse(data);
    if (!parsed.success) throw new HandlerError('invalid_request', spoken('ipc.presetsNotExport'));
    const library = this.library();
    library.presets.push(...parsed.data.presets.map((p) => ({ ...p, id: randomUUID() })));
    library.prompts.push(...parsed.data.prompts.map((p) => ({ ...p, id: randomUUID() })));
    return {
      presets: parsed.data.presets.length,
      prompts: parsed.data.prompts.length,
      library: this.write(library),
    };
  }

  private write(library: PresetLibrary): PresetLibrary {
    this.preferences.set(KEY, library);
    return this.library();
  }
}

function valid<T>(items: unknown, parse: (item: unknown) => { success: boolean; data?: T }): T[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item) => {
    const result = parse(item);
    return result.success ? [result.data as T] : [];
  });
}
