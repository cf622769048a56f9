import { Menu } from 'electron';
import type { MenuCommand } from '../shared/ipc';
import { buildMenuTemplate } from './menuTemplate';

/** Installs the application menu; app commands reach the page as `menuCommand` events. */
export function installApplicationMenu(options: {
  appName: string;
  isDev: boolean;
  send: (command: MenuCommand) => void;
}): void {
  const template = buildMenuTemplate({ platform: process.platform, ...options });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
