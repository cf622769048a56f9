import { useId } from 'react';
import { create } from 'zustand';
import { parameterRanges, rangesBeforeProfiles } from '../../../../../../shared/parameterRanges';
import { useComposerSettings } from '../../store/composerSettings';
import { useProfiles } from '../../../settings';
import { NumberField } from './NumberField';
import { pickLabel, shownPick } from './pickLabel';
import { ReasoningEffortField } from './ReasoningEffortField';

const OPEN_KEY = 'switchboard:chatSettingsOpen';

const wide = window.matchMedia('(min-width: 1280px)');

/**
 * Whether the panel is shown; remembered across reloads. Wide windows show it beside the chat;
 * narrower ones as a drawer over it, so a window that narrows closes it rather than cover Send.
 */
export const useChatSettingsPanel = create<{ open: boolean; toggle(): void }>((set, get) => ({
  open: wide.matches && localStorage.getItem(OPEN_KEY) !== 'false',
  toggle() {
    localStorage.setItem(OPEN_KEY, String(!get().open));
    set({ open: !get().open });
  },
}));
wide.addEventListener('change', (event) => {
  if (!event.matches) useChatSettingsPanel.setState({ open: false });
});

/** True when the panel holds anything besides the defaults (the toggle shows a dot). */
export function useChatSettingsChanged(): boolean {
  return useComposerSettings(
    (s) =>
      s.systemPrompt.trim() !== '' ||
      s.temperature !== null ||
      s.topP !== null ||
      s.maxTokens !== null ||
      s.reasoningEffort !== null ||
      !s.stream,
  );
}

/**
 * The header button that shows the panel. Named "Parameters" (the app-wide "Settings" button
 * keeps its name to itself, so a search for it never finds two).
 */
export function ChatSettingsToggle() {
  const { open, toggle } = useChatSettingsPanel();
  const changed = useChatSettingsChanged();
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls="chat-settings-panel"
      onClick={toggle}
      className="toolbar-button"
    >
      Parameters
      {changed && (
        <span className="ml-1 text-blue-600 dark:text-blue-400" aria-label="(changed)">
          •
        </span>
      )}
    </button>
  );
}

/**
 * The open chat's settings, exactly as the next message sends them: a blank field is not sent
 * (the provider's default applies) and Reset clears them all, stored ones included.
 */
export function ChatSettingsPanel() {
  const { open, toggle } = useChatSettingsPanel();
  const settings = useComposerSettings();
  const profiles = useProfiles();
  const pick = shownPick(settings, profiles);
  const systemId = useId();
  if (!open) return null;
  const { revision } = settings;
  // The ranges of the provider this chat's next message goes to.
  const ranges = pick ? parameterRanges[pick.view.type] : rangesBeforeProfiles;
  return (
    <aside
      id="chat-settings-panel"
      aria-label="Chat settings"
      className="absolute inset-y-0 right-0 z-20 flex w-72 flex-col border-l border-zinc-200 bg-white shadow-xl xl:static xl:shadow-none dark:border-zinc-800 dark:bg-zinc-950"
    >
      <div className="flex items-center justify-between border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <h2 className="text-sm font-semibold">Chat settings</h2>
        <button
          type="button"
          aria-label="Hide parameters"
          onClick={toggle}
          className="rounded px-2 py-0.5 text-lg leading-none text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          ×
        </button>
      </div>
      <div className="flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto px-4 py-3 text-sm">
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Sent with each message of this chat
          {pick ? ` to ${pickLabel(pick.model, pick.view)}` : ''}. Blank fields are not sent: the
          provider’s defaults apply.
        </p>
        <label htmlFor={systemId} className="field-label">
          System prompt
          <textarea
            id={systemId}
            className="field min-h-24 resize-y"
            placeholder="None"
            value={settings.systemPrompt}
            onChange={(e) => settings.setValues({ systemPrompt: e.target.value })}
          />
        </label>
        <NumberField
          key={`t${revision}-${ranges.temperature.max}`}
          label={`Temperature (${ranges.temperature.min}–${ranges.temperature.max})`}
          range={{ ...ranges.temperature, step: 0.1 }}
          value={settings.temperature}
          onChange={(temperature) => settings.setValues({ temperature })}
        />
        <NumberField
          key={`p${revision}`}
          label={`Top P (${ranges.topP.min}–${ranges.topP.max})`}
          range={{ ...ranges.topP, step: 0.05 }}
          value={settings.topP}
          onChange={(topP) => settings.setValues({ topP })}
        />
        <NumberField
          key={`m${revision}`}
          label="Max tokens"
          range={{ min: 1, max: 1_000_000, step: 1 }}
          value={settings.maxTokens}
          onChange={(maxTokens) => settings.setValues({ maxTokens })}
        />
        <ReasoningEffortField type={pick?.view.type} model={pick?.model} />
        <label
          className="flex items-center gap-2 font-medium text-zinc-700 dark:text-zinc-300"
          title="Off: one plain request, the whole answer at once"
        >
          <input
            type="checkbox"
            checked={settings.stream}
            onChange={(e) => settings.setValues({ stream: e.target.checked })}
          />
          Stream the answer
        </label>
        <div>
          <button
            type="button"
            className="toolbar-button"
            onClick={() => settings.resetToDefaults()}
          >
            Reset to defaults
          </button>
        </div>
      </div>
    </aside>
  );
}
