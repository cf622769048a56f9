import { create } from 'zustand';
import { applyTheme, loadThemeChoice, saveThemeChoice, type ThemeChoice } from '../lib/theme';

interface ThemeState {
  choice: ThemeChoice;
  setChoice(choice: ThemeChoice): void;
}

export const useThemeStore = create<ThemeState>((set) => ({
  choice: loadThemeChoice(),
  setChoice(choice) {
    saveThemeChoice(choice);
    applyTheme(choice);
    set({ choice });
  },
}));
