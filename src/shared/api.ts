/** The shape of `window.api`: one named method per invoke channel, plus event subscription. */
import type { IpcResult } from './result';
import type { EventChannel, EventPayloads, InvokeChannel, RequestOf, ResponseOf } from './ipc';

export type Unsubscribe = () => void;

export type SwitchboardApi = {
  [C in InvokeChannel]: (request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>;
} & {
  on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): Unsubscribe;
};

/** The two calls the preload needs from Electron's ipcRenderer (or the harness socket). */
export interface IpcRendererLike {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (payload: unknown) => void): Unsubscribe;
}
