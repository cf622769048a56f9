import { Menu } from 'electron';
import type { MenuCommand } from '../shared/ipc';
import type { UiLanguage } from '../shared/locales/languages';
import { buildMenuTemplate } from './menuTemplate';
import { menuText } from './menuText';

/**
 * Installs the application menu in the page's language; app commands reach the page as
 * `menuCommand` events. Called again when the page switches language.
 */
export function installApplicationMenu(options: {
  appName: string;
  isDev: boolean;
  language: UiLanguage;
  send: (command: MenuCommand) => void;
}): void {
  const { language, ...rest } = options;
  const template = buildMenuTemplate({
    platform: process.platform,
    ...rest,
    text: menuText(language),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
