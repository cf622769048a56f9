import { useEffect, useState, type KeyboardEvent, type MutableRefObject } from 'react';
import type { SavedPrompt } from '../../../../../shared/presets';
import { customVariables, matchPrompts, resolvePrompt } from '../lib/promptFill';
import { usePresetsStore } from '../store/presetsStore';
import { useTranslation } from '../../../lib/i18n';

/** The composer hands its keys here first while the menu is open; true: handled. */
export type PromptKeys = MutableRefObject<((event: KeyboardEvent) => boolean) | null>;

interface Props {
  /** What follows the `/` the draft starts with. */
  query: string;
  keysRef: PromptKeys;
  onInsert(text: string): void;
  onClose(): void;
}

/**
 * Saved prompts for a draft that starts with `/`: fuzzy-matched as the person types, ↑/↓ and
 * Enter to choose; a prompt with its own variables asks for them before it is inserted.
 */
export function PromptMenu({ query, keysRef, onInsert, onClose }: Props) {
  const { t } = useTranslation('presets');
  const prompts = usePresetsStore((s) => s.prompts);
  const load = usePresetsStore((s) => s.load);
  const loaded = usePresetsStore((s) => s.loaded);
  const [index, setIndex] = useState(0);
  const [asking, setAsking] = useState<SavedPrompt | null>(null);
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  const matches = matchPrompts(prompts, query).slice(0, 8);
  const at = Math.min(index, Math.max(0, matches.length - 1));

  const choose = (prompt: SavedPrompt | undefined) => {
    if (!prompt) return;
    if (customVariables(prompt).length > 0) setAsking(prompt);
    else void resolvePrompt(prompt, {}).then(onInsert);
  };
  const onKey = (event: KeyboardEvent): boolean => {
    if (asking) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setIndex((at + step + matches.length) % Math.max(1, matches.length));
    } else if (event.key === 'Enter' && matches.length > 0) choose(matches[at]);
    else if (event.key === 'Escape') onClose();
    else return false;
    event.preventDefault();
    return true;
  };
  // The composer asks this first for each key; kept current after every render.
  useEffect(() => {
    keysRef.current = onKey;
  });

  if (asking)
    return <VariableForm prompt={asking} onCancel={() => setAsking(null)} onInsert={onInsert} />;
  return (
    <div className="prompt-menu mb-2 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
      {matches.length === 0 ? (
        <p className="px-2 py-1 text-sm text-zinc-600 dark:text-zinc-400">
          {prompts.length === 0 ? t('menu.none') : t('menu.noMatch', { query })}
        </p>
      ) : (
        <ul role="listbox" aria-label={t('menu.label')}>
          {matches.map((prompt, i) => (
            <li
              key={prompt.id}
              role="option"
              aria-selected={i === at}
              className="cursor-pointer rounded px-2 py-1 text-sm aria-selected:bg-blue-50 dark:aria-selected:bg-blue-950"
              onMouseDown={(event) => {
                event.preventDefault();
                choose(prompt);
              }}
            >
              <span className="font-medium">{prompt.name}</span>
              <span className="ml-2 truncate text-xs text-zinc-600 dark:text-zinc-400">
                {prompt.text.slice(0, 80)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function VariableForm({
  prompt,
  onCancel,
  onInsert,
}: {
  prompt: SavedPrompt;
  onCancel(): void;
  onInsert(text: string): void;
}) {
  const { t } = useTranslation('presets');
  const names = customVariables(prompt);
  const [values, setValues] = useState<Record<string, string>>({});
  const insert = () => void resolvePrompt(prompt, values).then(onInsert);
  return (
    // Not a <form>: it sits inside the composer's form, and forms do not nest.
    <div
      role="form"
      aria-label={t('menu.fillIn', { name: prompt.name })}
      className="mb-2 flex flex-col gap-2 rounded-lg border border-zinc-200 bg-white p-2 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
        else if (event.key === 'Enter') {
          event.preventDefault();
          insert();
        }
      }}
    >
      {names.map((name, i) => (
        <label key={name} className="flex items-center gap-2">
          <span className="w-28 shrink-0 text-zinc-600 dark:text-zinc-400">{name}</span>
          <input
            autoFocus={i === 0}
            className="min-w-0 flex-1 rounded border border-zinc-300 px-2 py-1 dark:border-zinc-700 dark:bg-zinc-950"
            value={values[name] ?? ''}
            onChange={(event) => setValues({ ...values, [name]: event.target.value })}
          />
        </label>
      ))}
      <div className="flex justify-end gap-2">
        <button type="button" className="action-button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
        <button type="button" className="primary-button" onClick={insert}>
          {t('menu.insert')}
        </button>
      </div>
    </div>
  );
}
