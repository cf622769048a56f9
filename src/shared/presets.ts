/**
 * Presets (a named setup for a new conversation: system prompt, profile, model, parameters) and
 * the prompt library (saved prompts with variables, inserted with `/` in the composer). Kept in
 * the preferences file by main; exported and imported as one JSON file.
 */
import { z } from 'zod';
import { chatParametersSchema } from './chatParameters';

const name = z.string().trim().min(1).max(100);
const optionalId = z.string().min(1).max(200).nullable();

export const presetParametersSchema = chatParametersSchema;

export const presetSchema = z
  .object({
    id: z.string().min(1).max(200),
    name,
    systemPrompt: z.string().max(100_000).nullable(),
    profileId: optionalId,
    model: z.string().max(200).nullable(),
    parameters: presetParametersSchema,
  })
  .strict();
export type Preset = z.infer<typeof presetSchema>;

export const savedPromptSchema = z
  .object({ id: z.string().min(1).max(200), name, text: z.string().min(1).max(100_000) })
  .strict();
export type SavedPrompt = z.infer<typeof savedPromptSchema>;

export interface PresetLibrary {
  presets: Preset[];
  /** The preset a new conversation starts from, or null. */
  defaultPresetId: string | null;
  prompts: SavedPrompt[];
}

export const PRESETS_FORMAT = 'switchboard.presets';
export const presetsFileSchema = z.object({
  format: z.literal(PRESETS_FORMAT),
  version: z.literal(1),
  presets: z.array(presetSchema).max(1000),
  prompts: z.array(savedPromptSchema).max(5000),
});

/** `{{name}}` in a saved prompt; the built-in ones are filled without asking. */
export const builtInVariables = ['selection', 'date', 'clipboard'] as const;

/** The variables a prompt uses, in order of first use, each once. */
export function promptVariables(text: string): string[] {
  const names = [...text.matchAll(/\{\{\s*([\w-]{1,40})\s*\}\}/g)].map((m) => m[1]!);
  return [...new Set(names)];
}

/** The prompt with each `{{name}}` replaced by its value (a missing one by nothing). */
export function fillPrompt(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{\s*([\w-]{1,40})\s*\}\}/g, (_, key: string) => values[key] ?? '');
}
