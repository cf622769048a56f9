import type { IpcHandlers } from '../../../shared/ipc';
import type { ExchangeStore } from '../store/ExchangeStore';
import type { ExchangeCapture } from './ExchangeCapture';

type ExchangeHandlers = Pick<
  IpcHandlers,
  'getExchanges' | 'getCaptureSettings' | 'setCaptureSettings'
>;

/** The inspector's channels: stored exchanges are already redacted, so they go out as they are. */
export function createExchangeHandlers(deps: {
  exchanges: ExchangeStore;
  capture: ExchangeCapture;
}): ExchangeHandlers {
  return {
    getExchanges: async ({ messageId }) => deps.exchanges.forMessage(messageId),
    getCaptureSettings: async () => deps.capture.settings(),
    setCaptureSettings: async (settings) => deps.capture.update(settings),
  };
}
