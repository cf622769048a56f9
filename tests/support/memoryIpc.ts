import type { IpcRendererLike } from '../../src/shared/api';
import { wireChannel, type EventSink } from '../../src/shared/ipc';
import type { IpcMainLike, IpcSenderEvent } from '../../src/main/ipc';

/**
 * An in-memory stand-in for Electron's ipcMain/ipcRenderer pair: the real handler table and the
 * real createApi talk through it. Payloads are structured-cloned, as Electron does.
 */
export function createMemoryIpcPair(senderUrl = 'app://switchboard/index.html') {
  const handlers = new Map<string, (event: IpcSenderEvent, payload: unknown) => Promise<unknown>>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let sender: IpcSenderEvent = { senderFrame: { url: senderUrl } };

  const main: IpcMainLike = {
    handle(channel, listener) {
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  const renderer: IpcRendererLike = {
    async invoke(channel, payload) {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return structuredClone(await handler(sender, structuredClone(payload)));
    },
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  };
  const emit: EventSink = (event, payload) => {
    listeners.get(wireChannel(event))?.forEach((listener) => listener(structuredClone(payload)));
  };
  return {
    main,
    renderer,
    emit,
    /** Calls that follow come from this frame URL (to test the sender check). */
    setSender(next: IpcSenderEvent) {
      sender = next;
    },
    /** Calls a wire channel directly, as a hostile page could. */
    rawInvoke(channel: string, payload: unknown) {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler(sender, payload);
    },
  };
}
