/**
 * The edge of a renderer store's unit: a stand-in for `window.api` (the preload's bridge to main).
 * A test answers the channels it expects and raises events; an unanswered call throws, so a store
 * calling main where the test did not expect it fails loudly.
 */
import type { SwitchboardApi } from '../../../../src/shared/api';
import type {
  EventChannel,
  EventPayloads,
  InvokeChannel,
  RequestOf,
  ResponseOf,
} from '../../../../src/shared/ipc';
import type { IpcResult } from '../../../../src/shared/result';

type Handler<C extends InvokeChannel> = (
  request: RequestOf<C>,
) => IpcResult<ResponseOf<C>> | Promise<IpcResult<ResponseOf<C>>>;

export interface FakeApi {
  answer<C extends InvokeChannel>(channel: C, handler: Handler<C>): void;
  /** The requests a channel received, oldest first. */
  calls<C extends InvokeChannel>(channel: C): RequestOf<C>[];
  emit<E extends EventChannel>(event: E, payload: EventPayloads[E]): void;
  listenerCount(event: EventChannel): number;
}

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const failed = (message: string): IpcResult<never> => ({
  ok: false,
  error: { code: 'internal', message },
});

/** Puts a fresh fake on `window.api` (and an in-memory localStorage); import the stores after. */
export function installFakeApi(): FakeApi {
  const handlers = new Map<string, (request: unknown) => unknown>();
  const received = new Map<string, unknown[]>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api = new Proxy({} as SwitchboardApi, {
    get(_, name: string) {
      if (name === 'on')
        return (event: string, listener: (payload: unknown) => void) => {
          const set = listeners.get(event) ?? new Set();
          listeners.set(event, set);
          set.add(listener);
          return () => set.delete(listener);
        };
      return async (request: unknown) => {
        received.set(name, [...(received.get(name) ?? []), request]);
        const handler = handlers.get(name);
        if (!handler) throw new Error(`the test did not expect a call to ${name}`);
        return handler(request);
      };
    },
  });
  const storage = new Map<string, string>();
  // Some renderer modules read the window's size or colour scheme when they load.
  const matchMedia = () => ({ matches: false, addEventListener() {}, removeEventListener() {} });
  Object.assign(globalThis, {
    window: { api, matchMedia },
    localStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, String(value)),
      removeItem: (key: string) => void storage.delete(key),
      clear: () => storage.clear(),
    },
  });
  return {
    answer: (channel, handler) => void handlers.set(channel, handler as never),
    calls: (channel) => (received.get(channel) ?? []) as never,
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}
