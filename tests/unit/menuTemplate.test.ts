import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, menuAccelerators } from '../../src/main/menuTemplate';
import { menuCommands, type MenuCommand } from '../../src/shared/ipc';
import { menuText } from '../../src/main/menuText';

function build(platform: NodeJS.Platform, isDev = false) {
  const send = vi.fn<(command: MenuCommand) => void>();
  const template = buildMenuTemplate({ platform, appName: 'Switchboard', isDev, send });
  return { template, send };
}

/** Every item in the menu tree, depth first. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}
const roles = (template: MenuItemConstructorOptions[]) =>
  items(template).flatMap((item) => (item.role ? [item.role] : []));
const topLabels = (template: MenuItemConstructorOptions[]) =>
  template.map((item) => item.label ?? item.role);

describe('native menu', () => {
  it('has the macOS app menu first, named after the app, only on macOS', () => {
    expect(topLabels(build('darwin').template)).toEqual([
      'Switchboard',
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
    const others = ['File', 'Edit', 'View', 'Window', 'Help'];
    expect(topLabels(build('win32').template)).toEqual(others);
    expect(topLabels(build('linux').template)).toEqual(others);
    expect(roles(build('darwin').template)).toEqual(
      expect.arrayContaining([
        'about',
        'services',
        'hide',
        'hideOthers',
        'unhide',
        'quit',
        'front',
      ]),
    );
  });

  it.each(['darwin', 'win32', 'linux'] as const)(
    'offers the standard edit, view and window roles on %s',
    (platform) => {
      const found = roles(build(platform).template);
      for (const role of [
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'resetZoom',
        'zoomIn',
        'zoomOut',
        'togglefullscreen',
        'minimize',
        'quit',
      ]) {
        expect(found).toContain(role);
      }
    },
  );

  it('shows developer tools and reload only in development', () => {
    expect(roles(build('linux', true).template)).toEqual(
      expect.arrayContaining(['toggleDevTools', 'reload']),
    );
    expect(roles(build('linux', false).template)).not.toContain('toggleDevTools');
    expect(roles(build('darwin', false).template)).not.toContain('reload');
  });

  it.each(['darwin', 'win32', 'linux'] as const)(
    'shows each app command once with its shortcut and sends it on %s',
    (platform) => {
      const { template, send } = build(platform);
      for (const command of menuCommands) {
        const visible = items(template).filter(
          (item) =>
            item.click && item.visible !== false && item.accelerator === menuAccelerators[command],
        );
        expect(visible, command).toHaveLength(1);
        send.mockClear();
        (visible[0]!.click as () => void)();
        expect(send).toHaveBeenCalledWith(command);
      }
    },
  );

  it('uses the shortcuts people expect', () => {
    expect(menuAccelerators).toEqual({
      newConversation: 'CmdOrCtrl+N',
      search: 'CmdOrCtrl+K',
      settings: 'CmdOrCtrl+,',
      stop: 'Escape',
      toggleSidebar: 'CmdOrCtrl+B',
      shortcuts: 'CmdOrCtrl+/',
    });
    const { template, send } = build('linux');
    const alias = items(template).find((item) => item.accelerator === 'CmdOrCtrl+F');
    expect(alias).toMatchObject({ visible: false, acceleratorWorksWhenHidden: true });
    (alias!.click as () => void)();
    expect(send).toHaveBeenCalledWith('search');
  });

  it('leaves Esc to the page so it still closes dialogs first', () => {
    const stop = items(build('win32').template).find((item) => item.accelerator === 'Escape');
    expect(stop?.registerAccelerator).toBe(false);
  });

  it('puts Settings in the app menu on macOS and in File elsewhere', () => {
    const settingsIn = (template: MenuItemConstructorOptions[]) =>
      template.find((menu) =>
        (menu.submenu as MenuItemConstructorOptions[]).some(
          (item) => item.accelerator === 'CmdOrCtrl+,',
        ),
      )?.label;
    expect(settingsIn(build('darwin').template)).toBe('Switchboard');
    expect(settingsIn(build('win32').template)).toBe('File');
  });
});

describe('native menu in the page language', () => {
  const labels = (language: 'en' | 'de' | 'zh-CN', platform: NodeJS.Platform = 'win32') =>
    items(
      buildMenuTemplate({
        platform,
        appName: 'Switchboard',
        isDev: false,
        send: () => {},
        text: menuText(language),
      }),
    ).flatMap((item) => (item.label ? [item.label] : []));

  it('names every menu and item in German and in Chinese, roles included', () => {
    expect(labels('de')).toEqual(
      expect.arrayContaining(['Ablage', 'Neue Unterhaltung', 'Kopieren', 'Einstellungen', 'Hilfe']),
    );
    expect(labels('zh-CN')).toEqual(
      expect.arrayContaining(['文件', '新建对话', '复制', '设置', '窗口', '帮助']),
    );
    expect(labels('de', 'darwin')).toEqual(
      expect.arrayContaining(['Über Switchboard', 'Switchboard beenden', 'Einstellungen…']),
    );
  });

  it('leaves no item without a label but the separators and the macOS window list', () => {
    const template = buildMenuTemplate({
      platform: 'darwin',
      appName: 'Switchboard',
      isDev: true,
      send: () => {},
      text: menuText('zh-CN'),
    });
    const unlabelled = items(template).filter(
      (item) => !item.label && item.type !== 'separator' && item.role !== 'window',
    );
    expect(unlabelled).toEqual([]);
    // A key missing from a catalogue would show its path (roles.x): none does.
    expect(items(template).filter((item) => item.label?.includes('roles.'))).toEqual([]);
  });
});
