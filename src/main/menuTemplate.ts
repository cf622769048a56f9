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

/** An app command: shown with its shortcut, handed to the page when chosen. */
type Command = (
  label: string,
  name: MenuCommand,
  extra?: Partial<MenuItemConstructorOptions>,
) => MenuItemConstructorOptions;

export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const command: Command = (label, name, extra = {}) => ({
    // Ids let an Electron e2e test click an item through Menu.getMenuItemById.
    id: name,
    label,
    accelerator: menuAccelerators[name],
    click: () => options.send(name),
    ...extra,
  });
  const settings = command(mac ? 'Settings…' : 'Settings', 'settings');
  return [
    ...(mac ? [appMenu(options.appName, settings)] : []),
    fileMenu(command, mac, settings),
    editMenu(mac),
    viewMenu(command, options.isDev),
    windowMenu(mac),
    helpMenu(command),
  ];
}

/** macOS only: the app menu, home of Settings and Quit there. */
function appMenu(
  appName: string,
  settings: MenuItemConstructorOptions,
): MenuItemConstructorOptions {
  return {
    label: appName,
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
}

/** New, Search and Stop; Settings and Quit too where there is no app menu. */
function fileMenu(
  command: Command,
  mac: boolean,
  settings: MenuItemConstructorOptions,
): MenuItemConstructorOptions {
  return {
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
}

/** The standard editing roles, so text fields get cut, copy and paste shortcuts. */
function editMenu(mac: boolean): MenuItemConstructorOptions {
  return {
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
}

/** The sidebar, zoom and full screen; reload and developer tools in development builds. */
function viewMenu(command: Command, isDev: boolean): MenuItemConstructorOptions {
  return {
    label: 'View',
    submenu: [
      ...(isDev
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
}

/** The window roles each platform expects. */
function windowMenu(mac: boolean): MenuItemConstructorOptions {
  return {
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
}

/** Help: the keyboard shortcuts. */
function helpMenu(command: Command): MenuItemConstructorOptions {
  return {
    role: 'help',
    submenu: [command('Keyboard Shortcuts', 'shortcuts')],
  };
}
