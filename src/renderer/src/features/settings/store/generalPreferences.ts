import { create } from 'zustand';

/** Which key sends from the message box; the other one (with Shift for Enter) breaks the line. */
export type SendKey = 'enter' | 'ctrlEnter';
export type FontSize = 'small' | 'medium' | 'large';

const fontPixels: Record<FontSize, number> = { small: 14, medium: 16, large: 18 };
const KEY = 'switchboard.generalPreferences';

interface GeneralPreferences {
  sendKey: SendKey;
  fontSize: FontSize;
  setSendKey(sendKey: SendKey): void;
  setFontSize(fontSize: FontSize): void;
}

function load(): Pick<GeneralPreferences, 'sendKey' | 'fontSize'> {
  const fallback = { sendKey: 'enter' as const, fontSize: 'medium' as const };
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, unknown>;
    return {
      sendKey: saved.sendKey === 'ctrlEnter' ? 'ctrlEnter' : fallback.sendKey,
      fontSize:
        saved.fontSize === 'small' || saved.fontSize === 'large' ? saved.fontSize : 'medium',
    };
  } catch {
    return fallback;
  }
}

function save(state: Pick<GeneralPreferences, 'sendKey' | 'fontSize'>): void {
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
 * Look-and-feel preferences of this window (like the theme, kept in the page's storage: they
 * are no secret and must apply before the first paint).
 */
export const useGeneralPreferences = create<GeneralPreferences>((set, get) => ({
  ...load(),
  setSendKey(sendKey) {
    set({ sendKey });
    save({ sendKey, fontSize: get().fontSize });
  },
  setFontSize(fontSize) {
    set({ fontSize });
    applyFontSize(fontSize);
    save({ sendKey: get().sendKey, fontSize });
  },
}));

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
