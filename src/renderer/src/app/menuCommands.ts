/**
 * Carries out the native menu's app commands (and Esc, which the menu shows but leaves to the
 * page) with the store actions and the interface contract's named controls.
 */
import type { MenuCommand } from '../../../shared/ipc';
import { useChatStore } from '../features/chat';
import { useShortcutsDialog } from '../features/shortcuts';
import { useSidebarLayout } from '../features/sidebar';
import { api } from '../lib/api';

/** Is a modal open? Esc then belongs to it (closing it), not to Stop. */
function modalOpen(): boolean {
  return (
    document.querySelector('[role="dialog"][aria-modal="true"], [role="alertdialog"]') !== null
  );
}

/** The contract's searchbox "Search conversations", however it is labelled. */
function findSearchBox(): HTMLInputElement | null {
  const name = 'Search conversations';
  const inputs = Array.from(document.querySelectorAll<HTMLInputElement>('input'));
  return (
    inputs.find(
      (input) =>
        input.getAttribute('aria-label') === name ||
        input.placeholder === name ||
        Array.from(input.labels ?? []).some((label) => label.textContent?.trim() === name),
    ) ??
    inputs.find((input) => input.type === 'search') ??
    null
  );
}

function focusSearch(): void {
  const box = findSearchBox();
  box?.focus();
  box?.select();
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
    case 'toggleSidebar':
      useSidebarLayout.getState().toggle();
      break;
    case 'shortcuts':
      useShortcutsDialog.getState().setOpen(true);
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
