/**
 * Carries out the native menu's app commands (and Esc, which the menu shows but leaves to the
 * page) with the store actions and the interface contract's named controls.
 */
import type { MenuCommand } from '../../../shared/ipc';
import { useChatStore } from '../store/chatStore';
import { api } from './api';

/** Is a modal open? Esc then belongs to it (closing it), not to Stop. */
function modalOpen(): boolean {
  return (
    document.querySelector('[role="dialog"][aria-modal="true"], [role="alertdialog"]') !== null
  );
}

function focusSearch(): void {
  const box = document.querySelector<HTMLInputElement>(
    'input[aria-label="Search conversations"], [role="searchbox"][aria-label="Search conversations"], input[type="search"][placeholder="Search conversations"]',
  );
  box?.focus();
  box?.select?.();
}

function openSettings(): void {
  const button = Array.from(document.querySelectorAll<HTMLButtonElement>('button')).find(
    (candidate) =>
      candidate.getAttribute('aria-label') === 'Settings' ||
      candidate.textContent?.trim() === 'Settings',
  );
  button?.click();
}

export function runMenuCommand(command: MenuCommand): void {
  const chat = useChatStore.getState();
  switch (command) {
    case 'newConversation':
      chat.newConversation();
      break;
    case 'search':
      focusSearch();
      break;
    case 'settings':
      openSettings();
      break;
    case 'stop':
      if (!modalOpen()) void chat.stop();
      break;
  }
}

/** Listens for menu commands from main and for an unhandled Esc; call once at startup. */
export function subscribeToMenuCommands(): () => void {
  const off = api.on('menuCommand', ({ command }) => runMenuCommand(command));
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) runMenuCommand('stop');
  };
  window.addEventListener('keydown', onKey);
  return () => {
    off();
    window.removeEventListener('keydown', onKey);
  };
}
