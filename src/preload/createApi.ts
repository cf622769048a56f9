import type { IpcRendererLike, SwitchboardApi } from '../shared/api';
import { invokeChannels, wireChannel, type EventChannel, type InvokeChannel } from '../shared/ipc';
import type { IpcResult } from '../shared/result';

/**
 * Builds `window.api` from the contract: one named method per invoke channel, and `on` for
 * events. Nothing else of ipcRenderer is reachable from the page.
 */
export function createApi(ipc: IpcRendererLike): SwitchboardApi {
  const methods: Record<string, (request: unknown) => Promise<IpcResult<unknown>>> = {};
  for (const channel of Object.keys(invokeChannels) as InvokeChannel[]) {
    methods[channel] = async (request) => {
      try {
        return (await ipc.invoke(wireChannel(channel), request ?? {})) as IpcResult<unknown>;
      } catch (error) {
        const message = error instanceof Error ? error.message : 'The app did not answer.';
        return { ok: false, error: { code: 'unavailable', message } };
      }
    };
  }
  const on = (event: EventChannel, listener: (payload: unknown) => void) =>
    ipc.on(wireChannel(event), listener);
  return Object.freeze({ ...methods, on }) as unknown as SwitchboardApi;
}
