/** Follows the OS light/dark setting (explicit light/dark choice comes with the chat view issue). */
export function applySystemTheme(): void {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => document.documentElement.classList.toggle('dark', query.matches);
  apply();
  query.addEventListener('change', apply);
}
