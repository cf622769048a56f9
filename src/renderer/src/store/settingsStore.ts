import { create } from 'zustand';
import type { AppNotice, ProfilesSnapshot, SetupCandidate } from '../../../shared/profiles';
import { api } from '../lib/api';

interface SettingsState {
  snapshot: ProfilesSnapshot | null;
  loadError: string | null;
  notices: AppNotice[];
  /** The first-run panel stays open while the person imports several things, until "Start chatting". */
  firstRunOpen: boolean;
  candidates: SetupCandidate[] | null;
  scanning: boolean;
  load(): Promise<void>;
  dismissNotice(id: string): void;
  notify(message: string, level?: AppNotice['level']): void;
  scan(envFileText?: string): Promise<void>;
  closeFirstRun(): Promise<void>;
}

let localNoticeId = 0;

/** Profiles as main describes them (hints, never keys), app notices, and the first-run scan. */
export const useSettingsStore = create<SettingsState>((set, get) => ({
  snapshot: null,
  loadError: null,
  notices: [],
  firstRunOpen: false,
  candidates: null,
  scanning: false,

  async load() {
    const result = await api.listProfiles({});
    if (!result.ok) {
      set({ loadError: result.error.message });
      return;
    }
    const firstLoad = get().snapshot === null;
    set({
      snapshot: result.value,
      loadError: null,
      ...(firstLoad ? { firstRunOpen: result.value.firstRun } : {}),
    });
  },

  dismissNotice(id) {
    set((state) => ({ notices: state.notices.filter((n) => n.id !== id) }));
  },

  notify(message, level = 'info') {
    const notice = { id: `local-${++localNoticeId}`, level, message };
    set((state) => ({ notices: [...state.notices, notice] }));
  },

  async scan(envFileText) {
    set({ scanning: true });
    const result = await api.discoverSetup(envFileText === undefined ? {} : { envFileText });
    set({ scanning: false, candidates: result.ok ? result.value.candidates : [] });
    if (!result.ok) get().notify(result.error.message, 'warning');
  },

  async closeFirstRun() {
    set({ firstRunOpen: false });
    await api.dismissFirstRun({});
    await get().load();
  },
}));

/** Loads profiles and notices at startup and keeps notices coming; call once. */
export function subscribeToSettings(): () => void {
  const store = useSettingsStore.getState();
  void store.load();
  void api.getNotices({}).then((result) => {
    if (!result.ok) return;
    useSettingsStore.setState((state) => ({
      notices: [
        ...state.notices,
        ...result.value.filter((n) => !state.notices.some((m) => m.id === n.id)),
      ],
    }));
  });
  return api.on('appNotice', (notice) =>
    useSettingsStore.setState((state) =>
      state.notices.some((n) => n.id === notice.id)
        ? state
        : { notices: [...state.notices, notice] },
    ),
  );
}
