import { i18n } from './i18n';

/** Shortcut conventions: Cmd on macOS, Ctrl elsewhere. */
export const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);

/** The platform's command modifier is held (and no other modifier that would change meaning). */
export function hasModifier(event: KeyboardEvent): boolean {
  return (isMac ? event.metaKey : event.ctrlKey) && !event.altKey;
}

/** A key's name as keyboards in the interface's language print it ("Strg" on German ones). */
export function keyName(key: 'ctrl' | 'shift' | 'enter'): string {
  return i18n.t(`common:keys.${key}`);
}

/** How a shortcut reads on this platform, e.g. "Ctrl+K" ("Strg+K" in German) or "⌘K". */
export function shortcutLabel(key: string, shift = false): string {
  if (isMac) return `${shift ? '⇧' : ''}⌘${key}`;
  return `${keyName('ctrl')}+${shift ? `${keyName('shift')}+` : ''}${key}`;
}

/** The value for aria-keyshortcuts, e.g. "Control+K" or "Meta+K". */
export function ariaShortcut(key: string, shift = false): string {
  return `${isMac ? 'Meta' : 'Control'}+${shift ? 'Shift+' : ''}${key}`;
}
