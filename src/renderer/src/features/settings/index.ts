// Settings' public surface: profiles as main describes them, preferences, and the dialogs.
export { FirstRun } from './components/FirstRun';
export { NoticeBar } from './components/NoticeBar';
export { SettingsDialog } from './components/SettingsDialog';
export { ShortcutTable } from './components/ShortcutTable';
export { loadPriceList } from './store/pricesStore';
export {
  applyFontSize,
  applyLanguage,
  isSendKey,
  useGeneralPreferences,
  type SendKey,
} from './store/generalPreferences';
export { useSettingsRequest } from './store/settingsRequest';
export { subscribeToSettings, useProfiles, useSettingsStore } from './store/settingsStore';
export { useSearchSettings } from './store/searchSettingsStore';
