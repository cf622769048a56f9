import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import { App } from './App';
import { startTheme } from './lib/theme';
import { subscribeToStreams } from './store/chatStore';
import { useThemeStore } from './store/themeStore';
import './styles.css';

startTheme(() => useThemeStore.getState().choice);
subscribeToStreams();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
