import type { SendKey } from '../store/generalPreferences';
import { isMac, shortcutLabel } from '../../../lib/platform';

export interface ShortcutEntry {
  keys: string;
  action: string;
}

/** Every keyboard shortcut the app answers to, as it reads on this platform. */
export function shortcutList(sendKey: SendKey): ShortcutEntry[] {
  const modifierEnter = isMac ? '⌘Enter' : 'Ctrl+Enter';
  return [
    { keys: sendKey === 'enter' ? 'Enter' : modifierEnter, action: 'Send the message' },
    {
      keys: sendKey === 'enter' ? 'Shift+Enter' : 'Enter or Shift+Enter',
      action: 'New line in the message',
    },
    { keys: `Esc or ${shortcutLabel('.')}`, action: 'Stop the answer in this chat' },
    {
      keys: `${shortcutLabel('N')} or ${shortcutLabel('O', true)}`,
      action: 'New conversation (answers elsewhere keep going)',
    },
    { keys: shortcutLabel('K'), action: 'Search conversations' },
    { keys: shortcutLabel('B'), action: 'Show or hide the sidebar' },
    { keys: shortcutLabel(','), action: 'Settings' },
    { keys: shortcutLabel('/'), action: 'This list of shortcuts' },
  ];
}
