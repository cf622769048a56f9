/**
 * The presets and prompt library channels (shared/presets.ts): spread into `invokeChannels` in
 * ipc.ts, part of THE contract like every other channel.
 */
import type { ExportedFile } from './conversations';
import { presetSchema, savedPromptSchema, type PresetLibrary } from './presets';
import { z } from 'zod';
import { invoke } from './invokeChannel';

const id = z.string().min(1).max(128);

export const presetChannels = {
  listPresets: invoke<PresetLibrary>()(z.object({}).strict()),
  savePreset: invoke<PresetLibrary>()(
    z.object({ preset: presetSchema.extend({ id: presetSchema.shape.id.optional() }) }).strict(),
  ),
  deletePreset: invoke<PresetLibrary>()(z.object({ presetId: id }).strict()),
  setDefaultPreset: invoke<PresetLibrary>()(z.object({ presetId: id.nullable() }).strict()),
  exportPresets: invoke<ExportedFile>()(z.object({}).strict()),
  importPresets: invoke<{ presets: number; prompts: number; library: PresetLibrary }>()(
    z.object({ content: z.string().max(10_000_000) }).strict(),
  ),
  savePrompt: invoke<PresetLibrary>()(
    z
      .object({ prompt: savedPromptSchema.extend({ id: savedPromptSchema.shape.id.optional() }) })
      .strict(),
  ),
  deletePrompt: invoke<PresetLibrary>()(z.object({ promptId: id }).strict()),
} as const;
