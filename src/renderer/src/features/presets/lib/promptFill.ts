import { builtInVariables, fillPrompt, promptVariables } from '../../../../../shared/presets';
import { defaultFilter } from 'cmdk';
import type { SavedPrompt } from '../../../../../shared/presets';

/** The last text the person selected outside the composer: what {{selection}} inserts. */
let lastSelection = '';

/** Call once: keeps the newest non-empty selection of the page (the chat's text, say). */
export function followSelection(): () => void {
  const onChange = () => {
    const active = document.activeElement;
    if (active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement) return;
    const text = document.getSelection()?.toString() ?? '';
    if (text.trim()) lastSelection = text;
  };
  document.addEventListener('selectionchange', onChange);
  return () => document.removeEventListener('selectionchange', onChange);
}

/** The variables the person is asked for on insert (the built-in ones are filled alone). */
export function customVariables(prompt: SavedPrompt): string[] {
  const builtIn: readonly string[] = builtInVariables;
  return promptVariables(prompt.text).filter((name) => !builtIn.includes(name));
}

/** The prompt's text with every variable filled: built-ins here, custom ones as given. */
export async function resolvePrompt(
  prompt: SavedPrompt,
  custom: Readonly<Record<string, string>>,
): Promise<string> {
  const names = promptVariables(prompt.text);
  let clipboard = '';
  if (names.includes('clipboard')) clipboard = await navigator.clipboard.readText().catch(() => '');
  return fillPrompt(prompt.text, {
    ...custom,
    selection: lastSelection,
    date: new Date().toISOString().slice(0, 10),
    clipboard,
  });
}

/** Fuzzy match (cmdk's own scoring), best first; an empty query lists every prompt. */
export function matchPrompts(prompts: readonly SavedPrompt[], query: string): SavedPrompt[] {
  if (!query) return [...prompts];
  return prompts
    .map((prompt) => ({
      prompt,
      score: defaultFilter(prompt.name, query, [prompt.text.slice(0, 200)]),
    }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((entry) => entry.prompt);
}
