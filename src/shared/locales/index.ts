/**
 * Every catalogue, bundled: the renderer and main use the same ones. Each language has the
 * same namespaces and keys as English (tests/unit/locales.test.ts checks it).
 */
import type { UiLanguage } from './languages';
import enCommon from './en/common.json';
import enSettings from './en/settings.json';
import enSidebar from './en/sidebar.json';
import enUsage from './en/usage.json';
import enMenu from './en/menu.json';
import enCompare from './en/compare.json';
import zhCommon from './zh-CN/common.json';
import zhSettings from './zh-CN/settings.json';
import zhSidebar from './zh-CN/sidebar.json';
import zhUsage from './zh-CN/usage.json';
import zhMenu from './zh-CN/menu.json';
import zhCompare from './zh-CN/compare.json';
import deCommon from './de/common.json';
import deSettings from './de/settings.json';
import deSidebar from './de/sidebar.json';
import deUsage from './de/usage.json';
import deMenu from './de/menu.json';
import deCompare from './de/compare.json';

export const namespaces = ['common', 'settings', 'sidebar', 'usage', 'menu', 'compare'] as const;
export type Namespace = (typeof namespaces)[number];
export const defaultNamespace: Namespace = 'common';

type Catalogue = Record<string, unknown>;

export const catalogues: Record<UiLanguage, Record<Namespace, Catalogue>> = {
  en: {
    common: enCommon,
    settings: enSettings,
    sidebar: enSidebar,
    usage: enUsage,
    menu: enMenu,
    compare: enCompare,
  },
  'zh-CN': {
    common: zhCommon,
    settings: zhSettings,
    sidebar: zhSidebar,
    usage: zhUsage,
    menu: zhMenu,
    compare: zhCompare,
  },
  de: {
    common: deCommon,
    settings: deSettings,
    sidebar: deSidebar,
    usage: deUsage,
    menu: deMenu,
    compare: deCompare,
  },
};
