import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import { App } from './App';
import { subscribeToMenuCommands } from './lib/menuCommands';
import { loadPriceList } from './lib/priceList';
import { startTheme } from './lib/theme';
import { subscribeToStreams } from './store/chatStore';
import { subscribeToSettings } from './store/settingsStore';
import { subscribeToStorage } from './store/storageStore';
import { useThemeStore } from './store/themeStore';
import './styles.css';

startTheme(() => useThemeStore.getState().choice);
subscribeToStreams();
subscribeToMenuCommands();
subscribeToSettings();
subscribeToStorage();
void loadPriceList();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
