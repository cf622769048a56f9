import { create } from 'zustand';

const KEY = 'switchboard.sidebarCollapsed';

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) === 'true';
  } catch {
    return false;
  }
}

interface SidebarLayout {
  collapsed: boolean;
  toggle(): void;
}

/** Whether the conversation list is folded away; kept across reloads (it is only layout). */
export const useSidebarLayout = create<SidebarLayout>((set, get) => ({
  collapsed: stored(),
  toggle() {
    const collapsed = !get().collapsed;
    set({ collapsed });
    try {
      localStorage.setItem(KEY, String(collapsed));
    } catch {
      // Storage refused (private mode): the choice lasts for this session only.
    }
  },
}));
