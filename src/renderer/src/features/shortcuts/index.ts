export { ShortcutsDialog } from './components/ShortcutsDialog';
export { useShortcutsDialog } from './store/shortcutsDialog';
