import { create } from 'zustand';
import type { CaptureSettings, ExchangeRecord } from '../../../../../shared/exchanges';
import { api } from '../../../lib/api';
import { ipcErrorText } from '../../../lib/i18n';

export type Loaded =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; exchanges: ExchangeRecord[] };

interface InspectorState {
  /** The exchanges of the answer being inspected (one dialog is open at a time). */
  loaded: Loaded;
  capture: CaptureSettings | null;
  /** Loads an answer's exchanges and the capture settings; resolves to the exchanges, if any. */
  load(messageId: string): Promise<ExchangeRecord[] | null>;
  changeCapture(change: Partial<CaptureSettings>): Promise<void>;
}

/** What main captured of each provider call behind an answer, redacted there, and capture's settings. */
export const useInspectorStore = create<InspectorState>((set, get) => ({
  loaded: { state: 'loading' },
  capture: null,

  async load(messageId) {
    set({ loaded: { state: 'loading' } });
    const [result, settings] = await Promise.all([
      api.getExchanges({ messageId }),
      api.getCaptureSettings({}),
    ]);
    if (settings.ok) set({ capture: settings.value });
    if (!result.ok) {
      set({ loaded: { state: 'error', message: ipcErrorText(result.error) } });
      return null;
    }
    set({ loaded: { state: 'ready', exchanges: result.value } });
    return result.value;
  },

  async changeCapture(change) {
    // Built on the latest settings, so two quick changes (days, then the toggle) add up.
    const current = get().capture;
    if (!current) return;
    const next = { ...current, ...change };
    // Shown at once; if main refused it, what main holds is shown again.
    set({ capture: next });
    const result = await api.setCaptureSettings(next);
    if (!result.ok) {
      const held = await api.getCaptureSettings({});
      if (held.ok) set({ capture: held.value });
    }
  },
}));
