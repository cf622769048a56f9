/**
 * Settings › Web search as main keeps it: the chosen search provider, whether its key is saved
 * (never the key), and the last test. The chat's Web search switch reads `ready` from here.
 */
import { create } from 'zustand';
import type { RequestOf } from '../../../../../shared/ipc';
import type { SearchSnapshot, SearchTestReport } from '../../../../../shared/searchChannels';
import { api } from '../../../lib/api';
import { ipcErrorText } from '../../../lib/i18n';

interface SearchSettingsState {
  snapshot: SearchSnapshot | null;
  error: string | null;
  /** The last test's report; null while none was made since the last save. */
  test: SearchTestReport | null;
  testing: boolean;
  load(): Promise<void>;
  save(request: RequestOf<'saveSearchSettings'>): Promise<boolean>;
  runTest(): Promise<void>;
}

// Each read or save takes a number; an answer that comes back after a later one began is old
// news. A load started when the chat panel mounted could otherwise land after a save and put
// the settings from before it back (the Web search switch then vanished until a reload).
let latest = 0;

export const useSearchSettings = create<SearchSettingsState>((set) => ({
  snapshot: null,
  error: null,
  test: null,
  testing: false,
  load: async () => {
    const mine = ++latest;
    const result = await api.getSearchSettings({});
    if (mine !== latest) return;
    if (result.ok) set({ snapshot: result.value, error: null });
    else set({ error: ipcErrorText(result.error) });
  },
  save: async (request) => {
    ++latest;
    const result = await api.saveSearchSettings(request);
    if (!result.ok) {
      set({ error: ipcErrorText(result.error) });
      return false;
    }
    set({ snapshot: result.value, error: null, test: null });
    return true;
  },
  runTest: async () => {
    set({ testing: true, test: null });
    const result = await api.testSearch({});
    set({
      testing: false,
      ...(result.ok ? { test: result.value, error: null } : { error: ipcErrorText(result.error) }),
    });
  },
}));
