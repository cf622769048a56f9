/**
 * The renderer's i18next instance, set up on import with every catalogue bundled (no loading
 * step, so the first paint is already in the right language). Features change the language
 * through setUiLanguage; react-i18next re-renders whatever uses useTranslation at once.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues, defaultNamespace, namespaces } from '../../../../shared/locales';
import {
  resolveLanguage,
  type LanguageChoice,
  type UiLanguage,
} from '../../../../shared/locales/languages';

function systemLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: catalogues,
  lng: resolveLanguage('system', systemLanguages()),
  fallbackLng: 'en',
  ns: [...namespaces],
  defaultNS: defaultNamespace,
  // React escapes what it renders; escaping here too would show &amp; in the page.
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** The language in use now (what Intl formats with too). */
export function uiLanguage(): UiLanguage {
  return i18n.language as UiLanguage;
}

/** Applies a choice from Settings › General (or the system's languages for "system"). */
export function setUiLanguage(choice: LanguageChoice): UiLanguage {
  const language = resolveLanguage(choice, systemLanguages());
  if (i18n.language !== language) void i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  return language;
}
