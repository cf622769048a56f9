import { create } from 'zustand';
import { useComposerSettings } from '../../store/composerSettings';
import { useTranslation } from '../../../../lib/i18n';

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
      s.webSearch ||
      s.knowledge.length > 0 ||
      !s.stream,
  );
}

/**
 * The header button that shows the panel. Named "Parameters" (the app-wide "Settings" button
 * keeps its name to itself, so a search for it never finds two).
 */
export function ChatSettingsToggle() {
  const { t } = useTranslation('chat');
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
      {t('params.toggle')}
      {changed && (
        <span className="ml-1 text-blue-600 dark:text-blue-400" aria-label={t('params.changed')}>
          •
        </span>
      )}
    </button>
  );
}
