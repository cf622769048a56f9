/**
 * The native menu as a plain template, so tests can check its roles and shortcuts without
 * Electron. src/main/menu.ts builds and installs it.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc';

/** The app's own shortcuts, shown in the menu. */
export const menuAccelerators: Record<MenuCommand, string> = {
  newConversation: 'CmdOrCtrl+N',
  search: 'CmdOrCtrl+K',
  settings: 'CmdOrCtrl+,',
  stop: 'Escape',
  toggleSidebar: 'CmdOrCtrl+B',
  shortcuts: 'CmdOrCtrl+/',
};

export interface MenuTemplateOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Development (unpackaged) builds get reload and the developer tools. */
  isDev: boolean;
  /** Hands an app command to the page. */
  send: (command: MenuCommand) => void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const command = (
    label: string,
    name: MenuCommand,
    extra: Partial<MenuItemConstructorOptions> = {},
  ): MenuItemConstructorOptions => ({
    // Ids let an Electron e2e test click an item through Menu.getMenuItemById.
    id: name,
    label,
    accelerator: menuAccelerators[name],
    click: () => options.send(name),
    ...extra,
  });
  const settings = command(mac ? 'Settings…' : 'Settings', 'settings');

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      separator,
      settings,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('New Conversation', 'newConversation'),
      command('Search Conversations…', 'search'),
      // A second, hidden shortcut for search: Ctrl/Cmd+F is what many people try first.
      command('Search Conversations…', 'search', {
        id: 'searchAlias',
        accelerator: 'CmdOrCtrl+F',
        visible: false,
        acceleratorWorksWhenHidden: true,
      }),
      separator,
      // Esc is shown here but left to the page (registerAccelerator: false) so that it still
      // closes dialogs and menus first; the page maps an unhandled Esc to Stop itself.
      command('Stop Answer', 'stop', { registerAccelerator: false }),
      ...(mac
        ? [separator, { role: 'close' } as const]
        : [separator, settings, separator, { role: 'quit' } as const]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(options.isDev
        ? [
            { role: 'reload' } as const,
            { role: 'forceReload' } as const,
            { role: 'toggleDevTools' } as const,
            separator,
          ]
        : []),
      command('Toggle Sidebar', 'toggleSidebar'),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    role: 'windowMenu',
    submenu: mac
      ? [
          { role: 'minimize' },
          { role: 'zoom' },
          separator,
          { role: 'front' },
          separator,
          { role: 'window' },
        ]
      : [{ role: 'minimize' }, { role: 'close' }],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [command('Keyboard Shortcuts', 'shortcuts')],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
