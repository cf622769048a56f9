import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { subscribeToMenuCommands } from './lib/menuCommands';
import { applySystemTheme } from './lib/theme';
import { subscribeToStreams } from './store/chatStore';
import { subscribeToSettings } from './store/settingsStore';
import './styles.css';

applySystemTheme();
subscribeToStreams();
subscribeToMenuCommands();
subscribeToSettings();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
