export { ThemeMenu } from './components/ThemeMenu';
export { startTheme } from './lib/theme';
export { useThemeStore } from './store/themeStore';
