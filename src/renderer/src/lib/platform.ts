/** Shortcut conventions: Cmd on macOS, Ctrl elsewhere. */
export const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);

/** The platform's command modifier is held (and no other modifier that would change meaning). */
export function hasModifier(event: KeyboardEvent): boolean {
  return (isMac ? event.metaKey : event.ctrlKey) && !event.altKey;
}

/** How a shortcut reads on this platform, e.g. "Ctrl+K" or "⌘K". */
export function shortcutLabel(key: string, shift = false): string {
  return isMac ? `${shift ? '⇧' : ''}⌘${key}` : `Ctrl+${shift ? 'Shift+' : ''}${key}`;
}

/** The value for aria-keyshortcuts, e.g. "Control+K" or "Meta+K". */
export function ariaShortcut(key: string, shift = false): string {
  return `${isMac ? 'Meta' : 'Control'}+${shift ? 'Shift+' : ''}${key}`;
}
