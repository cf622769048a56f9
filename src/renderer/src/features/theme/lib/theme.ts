/**
 * Light, dark or follow the system. The choice is kept in localStorage: it is no secret, and the
 * page must know it before the first paint to avoid a flash of the wrong theme.
 */
export type ThemeChoice = 'light' | 'dark' | 'system';
export const themeChoices: readonly ThemeChoice[] = ['light', 'dark', 'system'];
const storageKey = 'switchboard.theme';

export function loadThemeChoice(): ThemeChoice {
  try {
    const saved = localStorage.getItem(storageKey);
    return themeChoices.includes(saved as ThemeChoice) ? (saved as ThemeChoice) : 'system';
  } catch {
    return 'system';
  }
}

export function saveThemeChoice(choice: ThemeChoice): void {
  try {
    localStorage.setItem(storageKey, choice);
  } catch {
    // Storage can be unavailable (private mode): the choice still applies for this session.
  }
}

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

/** Puts the `dark` class on <html> when the choice (or the OS, for 'system') says so. */
export function applyTheme(choice: ThemeChoice): void {
  const dark = choice === 'dark' || (choice === 'system' && darkQuery().matches);
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
}

/** Applies the saved choice now and again whenever the OS setting changes under 'system'. */
export function startTheme(current: () => ThemeChoice): () => void {
  applyTheme(current());
  const query = darkQuery();
  const onChange = () => applyTheme(current());
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
