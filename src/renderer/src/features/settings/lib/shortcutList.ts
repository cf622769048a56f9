import type { SendKey } from '../store/generalPreferences';
import { isMac, keyName, shortcutLabel } from '../../../lib/platform';

/**
 * One shortcut: its key combinations (any of them works) and the catalogue key of what it does,
 * so the table words both in the interface's language.
 */
export interface ShortcutEntry {
  keys: string[];
  action: string;
}

/** Every keyboard shortcut the app answers to, as it reads on this platform. */
export function shortcutList(sendKey: SendKey): ShortcutEntry[] {
  const [enter, shift] = [keyName('enter'), keyName('shift')];
  const modifierEnter = isMac ? `⌘${enter}` : `${keyName('ctrl')}+${enter}`;
  const shiftEnter = `${shift}+${enter}`;
  return [
    { keys: [sendKey === 'enter' ? enter : modifierEnter], action: 'send' },
    { keys: sendKey === 'enter' ? [shiftEnter] : [enter, shiftEnter], action: 'newLine' },
    { keys: ['Esc', shortcutLabel('.')], action: 'stop' },
    { keys: [shortcutLabel('N'), shortcutLabel('O', true)], action: 'newConversation' },
    { keys: [shortcutLabel('K')], action: 'search' },
    { keys: [shortcutLabel('B')], action: 'sidebar' },
    { keys: [shortcutLabel(',')], action: 'settings' },
    { keys: [shortcutLabel('/')], action: 'shortcuts' },
  ];
}
