import { create } from 'zustand';

/** Whether the shortcuts list is open (Ctrl+/ or Cmd+/, Help › Keyboard Shortcuts). */
export const useShortcutsDialog = create<{ open: boolean; setOpen(open: boolean): void }>(
  (set) => ({ open: false, setOpen: (open) => set({ open }) }),
);
