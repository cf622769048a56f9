/**
 * The only module that touches `window.api` (exposed by the preload in Electron, by the bridge
 * in the harness). Everything else in the renderer imports from here.
 */
import type { SwitchboardApi } from '../../../shared/api';

declare global {
  interface Window {
    api?: SwitchboardApi;
  }
}

function resolveApi(): SwitchboardApi {
  if (!window.api)
    throw new Error('window.api is missing: the page was opened outside Switchboard.');
  return window.api;
}

export const api: SwitchboardApi = resolveApi();
