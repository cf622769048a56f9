import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import { App } from './app/App';
import { PartFailed } from './components/ui/PartFailed';
import { RenderBoundary } from './components/ui/RenderBoundary';
import { subscribeToMenuCommands } from './app/menuCommands';
import {
  loadPriceList,
  applyFontSize,
  applyLanguage,
  useGeneralPreferences,
  subscribeToSettings,
} from './features/settings';
import { startTheme, useThemeStore } from './features/theme';
import { subscribeToStreams, subscribeToChatSettings } from './features/chat';
import { subscribeToStorage } from './features/storage';
import { followSelection } from './features/presets';
import { subscribeToCompare } from './features/compare';
import { subscribeToRateLimits } from './features/usage';
import { subscribeToTools } from './features/tools';
import { subscribeToKnowledge } from './features/knowledge';
import './styles.css';
import { i18n } from './lib/i18n';

startTheme(() => useThemeStore.getState().choice);
applyFontSize(useGeneralPreferences.getState().fontSize);
applyLanguage(useGeneralPreferences.getState().language);
subscribeToStreams();
subscribeToMenuCommands();
subscribeToSettings();
subscribeToChatSettings();
followSelection();
subscribeToStorage();
subscribeToCompare();
subscribeToRateLimits();
subscribeToTools();
subscribeToKnowledge();
void loadPriceList();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    {/* The last resort: each part has its own boundary, so this only catches the frame. */}
    <RenderBoundary
      name="The window"
      fallback={(error, retry) => (
        <div className="p-6">
          <PartFailed
            what={i18n.t('windowFailed')}
            hint={i18n.t('windowFailedHint')}
            error={error}
            retry={retry}
          />
        </div>
      )}
    >
      <App />
    </RenderBoundary>
  </StrictMode>,
);
