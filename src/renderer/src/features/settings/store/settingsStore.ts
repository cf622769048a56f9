import { create } from 'zustand';
import {
  profileCanCall,
  type AppNotice,
  type ProfilesSnapshot,
  type ProfileView,
  type SetupCandidate,
} from '../../../../../shared/profiles';
import type { InvokeChannel, RequestOf, ResponseOf } from '../../../../../shared/ipc';
import type { IpcResult } from '../../../../../shared/result';
import { api } from '../../../lib/api';
import { ipcErrorText } from '../../../lib/i18n';

/** Main's answer to a call, for the form that shows its errors at the fields. */
type Reply<C extends InvokeChannel> = IpcResult<ResponseOf<C>>;

interface SettingsState {
  snapshot: ProfilesSnapshot | null;
  loadError: string | null;
  notices: AppNotice[];
  /** The first-run panel stays open while the person imports several things, until "Start chatting". */
  firstRunOpen: boolean;
  candidates: SetupCandidate[] | null;
  scanning: boolean;
  load(): Promise<void>;
  /** A profile that can call was saved in Settings: the welcome screen has done its job. */
  profileSaved(view: ProfileView): void;
  /** Fetches a profile's model list from its server again. */
  refreshModels(profileId: string): Promise<void>;
  dismissNotice(id: string): void;
  notify(message: string, level?: AppNotice['level']): void;
  scan(envFileText?: string): Promise<void>;
  closeFirstRun(): Promise<void>;
  // Each change to the profiles reloads the snapshot before it resolves, so what is shown is main's.
  saveProfile(request: RequestOf<'saveProfile'>): Promise<Reply<'saveProfile'>>;
  deleteProfile(id: string): Promise<Reply<'deleteProfile'>>;
  setDefaultProfile(id: string): Promise<Reply<'setDefaultProfile'>>;
  importCandidate(request: RequestOf<'importCandidate'>): Promise<Reply<'importCandidate'>>;
  /** Tries a profile as the form has it (saved or not) against its server. */
  testConnection(request: RequestOf<'testConnection'>): Promise<Reply<'testConnection'>>;
}

let localNoticeId = 0;

const noProfiles: ProfileView[] = [];

/** The profiles as main last described them (a stable empty list until they load). */
export function useProfiles(): ProfileView[] {
  return useSettingsStore((s) => s.snapshot?.profiles ?? noProfiles);
}

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
      set({ loadError: ipcErrorText(result.error) });
      return;
    }
    const firstLoad = get().snapshot === null;
    set({
      snapshot: result.value,
      loadError: null,
      ...(firstLoad ? { firstRunOpen: result.value.firstRun } : {}),
    });
  },

  profileSaved(view) {
    if (profileCanCall(view)) set({ firstRunOpen: false });
  },

  async refreshModels(profileId) {
    const result = await api.refreshModels({ id: profileId });
    if (!result.ok) get().notify(ipcErrorText(result.error), 'warning');
    await get().load();
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
    if (!result.ok) get().notify(ipcErrorText(result.error), 'warning');
  },

  async closeFirstRun() {
    set({ firstRunOpen: false });
    await api.dismissFirstRun({});
    await get().load();
  },

  async saveProfile(request) {
    const result = await api.saveProfile(request);
    if (!result.ok) return result;
    await get().load();
    const view = get().snapshot?.profiles.find((p) => p.id === result.value.id);
    if (view) get().profileSaved(view);
    return result;
  },

  async deleteProfile(id) {
    const result = await api.deleteProfile({ id });
    if (result.ok) await get().load();
    return result;
  },

  async setDefaultProfile(id) {
    const result = await api.setDefaultProfile({ id });
    if (result.ok) await get().load();
    return result;
  },

  async importCandidate(request) {
    const result = await api.importCandidate(request);
    if (result.ok) await get().load();
    return result;
  },

  testConnection: (request) => api.testConnection(request),
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
