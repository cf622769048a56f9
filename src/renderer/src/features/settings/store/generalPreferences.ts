import { create } from 'zustand';
import { api } from '../../../lib/api';
import { setUiLanguage } from '../../../lib/i18n';
import { isLanguageChoice, type LanguageChoice } from '../../../../../shared/locales/languages';

/** Which key sends from the message box; the other one (with Shift for Enter) breaks the line. */
export type SendKey = 'enter' | 'ctrlEnter';
export type FontSize = 'small' | 'medium' | 'large';

const fontPixels: Record<FontSize, number> = { small: 14, medium: 16, large: 18 };
const KEY = 'switchboard.generalPreferences';

interface GeneralPreferences {
  sendKey: SendKey;
  fontSize: FontSize;
  /** The interface language, or 'system' to follow the system's. */
  language: LanguageChoice;
  setSendKey(sendKey: SendKey): void;
  setFontSize(fontSize: FontSize): void;
  setLanguage(language: LanguageChoice): void;
}

type Saved = Pick<GeneralPreferences, 'sendKey' | 'fontSize' | 'language'>;

function load(): Saved {
  const fallback = {
    sendKey: 'enter' as const,
    fontSize: 'medium' as const,
    language: 'system' as const,
  };
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, unknown>;
    return {
      sendKey: saved.sendKey === 'ctrlEnter' ? 'ctrlEnter' : fallback.sendKey,
      fontSize:
        saved.fontSize === 'small' || saved.fontSize === 'large' ? saved.fontSize : 'medium',
      language: isLanguageChoice(saved.language) ? saved.language : fallback.language,
    };
  } catch {
    return fallback;
  }
}

function save(state: Saved): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // Storage refused (private mode): the choice lasts for this session.
  }
}

/** The whole interface is sized in rem, so the root font size scales text and spacing alike. */
export function applyFontSize(fontSize: FontSize): void {
  document.documentElement.style.fontSize = `${fontPixels[fontSize]}px`;
}

/**
 * Puts the interface in the chosen language at once (every useTranslation re-renders) and tells
 * main, which rebuilds the native menu in it.
 */
export function applyLanguage(choice: LanguageChoice): void {
  const language = setUiLanguage(choice);
  // Main not reachable (a harness restarting): the menu stays as it was, the page is right.
  Promise.resolve()
    .then(() => api.setUiLanguage({ language }))
    .catch(() => undefined);
}

/**
 * Look-and-feel preferences of this window (like the theme, kept in the page's storage: they
 * are no secret and must apply before the first paint).
 */
export const useGeneralPreferences = create<GeneralPreferences>((set, get) => ({
  ...load(),
  setSendKey(sendKey) {
    set({ sendKey });
    save({ ...saved(get()), sendKey });
  },
  setFontSize(fontSize) {
    set({ fontSize });
    applyFontSize(fontSize);
    save({ ...saved(get()), fontSize });
  },
  setLanguage(language) {
    set({ language });
    applyLanguage(language);
    save({ ...saved(get()), language });
  },
}));

function saved(state: Saved): Saved {
  return { sendKey: state.sendKey, fontSize: state.fontSize, language: state.language };
}

/** Whether a key press in the message box means "send" under the chosen send key. */
export function isSendKey(
  event: { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean },
  sendKey: SendKey,
  isMac: boolean,
): boolean {
  if (event.key !== 'Enter' || event.shiftKey) return false;
  const modifier = isMac ? event.metaKey : event.ctrlKey;
  return sendKey === 'enter' ? !modifier : modifier;
}
