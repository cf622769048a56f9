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
import enChat from './en/chat.json';
import enAttachments from './en/attachments.json';
import enPresets from './en/presets.json';
import enCompare from './en/compare.json';
import enTools from './en/tools.json';
import enInspector from './en/inspector.json';
import enSearch from './en/search.json';
import enKnowledge from './en/knowledge.json';
import enErrors from './en/errors.json';
import zhCommon from './zh-CN/common.json';
import zhSettings from './zh-CN/settings.json';
import zhSidebar from './zh-CN/sidebar.json';
import zhUsage from './zh-CN/usage.json';
import zhMenu from './zh-CN/menu.json';
import zhChat from './zh-CN/chat.json';
import zhAttachments from './zh-CN/attachments.json';
import zhPresets from './zh-CN/presets.json';
import zhCompare from './zh-CN/compare.json';
import zhTools from './zh-CN/tools.json';
import zhInspector from './zh-CN/inspector.json';
import zhSearch from './zh-CN/search.json';
import zhKnowledge from './zh-CN/knowledge.json';
import zhErrors from './zh-CN/errors.json';
import deCommon from './de/common.json';
import deSettings from './de/settings.json';
import deSidebar from './de/sidebar.json';
import deUsage from './de/usage.json';
import deMenu from './de/menu.json';
import deChat from './de/chat.json';
import deAttachments from './de/attachments.json';
import dePresets from './de/presets.json';
import deCompare from './de/compare.json';
import deTools from './de/tools.json';
import deInspector from './de/inspector.json';
import deSearch from './de/search.json';
import deKnowledge from './de/knowledge.json';
import deErrors from './de/errors.json';

export const namespaces = [
  'common',
  'settings',
  'sidebar',
  'usage',
  'menu',
  'chat',
  'attachments',
  'presets',
  'compare',
  'tools',
  'inspector',
  'search',
  'knowledge',
  'errors',
] as const;
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
    chat: enChat,
    attachments: enAttachments,
    presets: enPresets,
    compare: enCompare,
    tools: enTools,
    inspector: enInspector,
    search: enSearch,
    knowledge: enKnowledge,
    errors: enErrors,
  },
  'zh-CN': {
    common: zhCommon,
    settings: zhSettings,
    sidebar: zhSidebar,
    usage: zhUsage,
    menu: zhMenu,
    chat: zhChat,
    attachments: zhAttachments,
    presets: zhPresets,
    compare: zhCompare,
    tools: zhTools,
    inspector: zhInspector,
    search: zhSearch,
    knowledge: zhKnowledge,
    errors: zhErrors,
  },
  de: {
    common: deCommon,
    settings: deSettings,
    sidebar: deSidebar,
    usage: deUsage,
    menu: deMenu,
    chat: deChat,
    attachments: deAttachments,
    presets: dePresets,
    compare: deCompare,
    tools: deTools,
    inspector: deInspector,
    search: deSearch,
    knowledge: deKnowledge,
    errors: deErrors,
  },
};
