/**
 * The native menu's and dialogs' words in one language, from the same catalogues as the page
 * (src/shared/locales). Pure, so the menu template test reads it without Electron.
 */
import i18next, { type TFunction } from 'i18next';
import { catalogues } from '../shared/locales';
import type { UiLanguage } from '../shared/locales/languages';

export type MenuText = TFunction<'menu'>;

const instance = i18next.createInstance();
void instance.init({
  resources: catalogues,
  lng: 'en',
  fallbackLng: 'en',
  ns: ['menu'],
  defaultNS: 'menu',
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function menuText(language: UiLanguage): MenuText {
  return instance.getFixedT(language, 'menu');
}
