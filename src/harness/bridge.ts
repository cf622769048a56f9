/**
 * Runs in the browser page served by the harness, in place of Electron's preload: builds the
 * same `window.api` with createApi, carried over the harness's loopback WebSocket.
 */
import type { IpcRendererLike } from '../shared/api';
import { createApi } from '../preload/createApi';
import { SOCKET_PATH, type InvokeMessage, type ServerMessage } from './protocol';

const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
const socket = new WebSocket(
  `ws://${location.host}${SOCKET_PATH}?token=${encodeURIComponent(token)}`,
);
const opened = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve(), { once: true });
  socket.addEventListener(
    'close',
    () =>
      reject(new Error('The harness is not reachable (reload the page with its URL and token).')),
    { once: true },
  );
});
opened.catch(() => undefined);

let nextId = 1;
const pending = new Map<
  number,
  { resolve: (value: unknown) => void; reject: (error: Error) => void }
>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();

socket.addEventListener('message', (event) => {
  const message = JSON.parse(String(event.data)) as ServerMessage;
  if (message.type === 'result') {
    pending.get(message.id)?.resolve(message.result);
    pending.delete(message.id);
  } else {
    listeners.get(message.channel)?.forEach((listener) => listener(message.payload));
  }
});
socket.addEventListener('close', () => {
  for (const call of pending.values())
    call.reject(new Error('The connection to the harness closed.'));
  pending.clear();
});

const ipc: IpcRendererLike = {
  async invoke(channel, payload) {
    await opened;
    const id = nextId++;
    const message: InvokeMessage = { type: 'invoke', id, channel, payload };
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify(message));
    });
  },
  on(channel, listener) {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
    return () => set.delete(listener);
  },
};

Object.defineProperty(window, 'api', {
  value: createApi(ipc),
  writable: false,
  configurable: false,
});
