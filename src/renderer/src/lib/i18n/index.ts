/** Languages in the renderer: the i18next instance, the language switch, and Intl formatting. */
export { i18n, setUiLanguage, uiLanguage } from './i18n';
export {
  formatBytes,
  formatDate,
  formatDateTime,
  formatNumber,
  formatRelative,
  formatTime,
  formatUsd,
} from './format';
export { ipcErrorText, saidText } from './said';
export { useTranslation, Trans } from 'react-i18next';
export type { TFunction } from 'i18next';
