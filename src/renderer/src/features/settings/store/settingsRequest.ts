import { create } from 'zustand';

/** Which part of Settings to show when something outside the dialog opens it. */
export type SettingsTarget = { pane: 'profile'; profileId: string | null } | { pane: 'general' };

interface SettingsRequest {
  /** A pending request to open Settings there; the dialog takes it and clears it. */
  target: SettingsTarget | null;
  openSettings(target: SettingsTarget): void;
  taken(): void;
}

/** Lets an error notice or a shortcut open Settings at a given profile or pane. */
export const useSettingsRequest = create<SettingsRequest>((set) => ({
  target: null,
  openSettings: (target) => set({ target }),
  taken: () => set({ target: null }),
}));
