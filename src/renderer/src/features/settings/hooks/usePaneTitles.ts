import { useTranslation } from '../../../lib/i18n';
import type { SettingsPane } from './useSettingsSelection';

export type OtherPane = Exclude<SettingsPane, 'profile'>;

/** The panes below the profiles, in the order the navigation lists them. */
export const otherPanes: readonly OtherPane[] = [
  'prices',
  'tools',
  'search',
  'knowledge',
  'general',
  'data',
];

/** Each pane's name: its button in the navigation and its heading ('' for a profile's pane). */
export function usePaneTitles(): Record<SettingsPane, string> {
  const { t } = useTranslation('settings');
  const { t: tKnowledge } = useTranslation('knowledge');
  return {
    prices: t('nav.prices'),
    tools: t('nav.tools'),
    search: t('search:nav'),
    knowledge: tKnowledge('nav'),
    general: t('nav.general'),
    data: t('nav.data'),
    profile: '',
  };
}
