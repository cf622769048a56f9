/**
 * The native menu as a plain template, so tests can check its roles and shortcuts without
 * Electron. src/main/menu.ts builds and installs it.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc';
import { menuText, type MenuText } from './menuText';

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
  /** The words, in the page's language (default English). */
  text?: MenuText;
}

type Role = NonNullable<MenuItemConstructorOptions['role']>;
/** A standard role with its label in the chosen language (Electron's own are English only). */
type RoleItem = (role: Role) => MenuItemConstructorOptions;

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** An app command: shown with its shortcut, handed to the page when chosen. */
type Command = (
  label: string,
  name: MenuCommand,
  extra?: Partial<MenuItemConstructorOptions>,
) => MenuItemConstructorOptions;

export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const t = options.text ?? menuText('en');
  const appName = options.appName;
  const role: RoleItem = (name) => ({
    role: name,
    label: t(mac && name === 'quit' ? 'roles.quitMac' : `roles.${name}`, { appName }),
  });
  const command: Command = (label, name, extra = {}) => ({
    // Ids let an Electron e2e test click an item through Menu.getMenuItemById.
    id: name,
    label,
    accelerator: menuAccelerators[name],
    click: () => options.send(name),
    ...extra,
  });
  const settings = command(t(mac ? 'settingsMac' : 'settings'), 'settings');
  return [
    ...(mac ? [appMenu(appName, settings, role)] : []),
    fileMenu({ command, role, t }, mac, settings),
    editMenu(role, t, mac),
    viewMenu({ command, role, t }, options.isDev),
    windowMenu(role, t, mac),
    helpMenu(command, t),
  ];
}

/** macOS only: the app menu, home of Settings and Quit there. */
function appMenu(
  appName: string,
  settings: MenuItemConstructorOptions,
  role: RoleItem,
): MenuItemConstructorOptions {
  return {
    label: appName,
    submenu: [
      role('about'),
      separator,
      settings,
      separator,
      role('services'),
      separator,
      role('hide'),
      role('hideOthers'),
      role('unhide'),
      separator,
      role('quit'),
    ],
  };
}

/** New, Search and Stop; Settings and Quit too where there is no app menu. */
interface Makers {
  command: Command;
  role: RoleItem;
  t: MenuText;
}

function fileMenu(
  { command, role, t }: Makers,
  mac: boolean,
  settings: MenuItemConstructorOptions,
): MenuItemConstructorOptions {
  return {
    label: t('file'),
    submenu: [
      command(t('newConversation'), 'newConversation'),
      command(t('search'), 'search'),
      // A second, hidden shortcut for search: Ctrl/Cmd+F is what many people try first.
      command(t('search'), 'search', {
        id: 'searchAlias',
        accelerator: 'CmdOrCtrl+F',
        visible: false,
        acceleratorWorksWhenHidden: true,
      }),
      separator,
      // Esc is shown here but left to the page (registerAccelerator: false) so that it still
      // closes dialogs and menus first; the page maps an unhandled Esc to Stop itself.
      command(t('stop'), 'stop', { registerAccelerator: false }),
      ...(mac ? [separator, role('close')] : [separator, settings, separator, role('quit')]),
    ],
  };
}

/** The standard editing roles, so text fields get cut, copy and paste shortcuts. */
function editMenu(role: RoleItem, t: MenuText, mac: boolean): MenuItemConstructorOptions {
  return {
    label: t('edit'),
    submenu: [
      role('undo'),
      role('redo'),
      separator,
      role('cut'),
      role('copy'),
      role('paste'),
      ...(mac ? [role('pasteAndMatchStyle')] : []),
      role('delete'),
      separator,
      role('selectAll'),
    ],
  };
}

/** The sidebar, zoom and full screen; reload and developer tools in development builds. */
function viewMenu({ command, role, t }: Makers, isDev: boolean): MenuItemConstructorOptions {
  return {
    label: t('view'),
    submenu: [
      ...(isDev ? [role('reload'), role('forceReload'), role('toggleDevTools'), separator] : []),
      command(t('toggleSidebar'), 'toggleSidebar'),
      separator,
      role('resetZoom'),
      role('zoomIn'),
      role('zoomOut'),
      separator,
      role('togglefullscreen'),
    ],
  };
}

/** The window roles each platform expects. */
function windowMenu(role: RoleItem, t: MenuText, mac: boolean): MenuItemConstructorOptions {
  return {
    role: 'windowMenu',
    label: t('window'),
    submenu: mac
      ? [role('minimize'), role('zoom'), separator, role('front'), separator, { role: 'window' }]
      : [role('minimize'), role('close')],
  };
}

/** Help: the keyboard shortcuts. */
function helpMenu(command: Command, t: MenuText): MenuItemConstructorOptions {
  return {
    role: 'help',
    label: t('help'),
    submenu: [command(t('shortcuts'), 'shortcuts')],
  };
}
