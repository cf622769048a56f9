/**
 * Runs in the browser page served by the harness, in place of Electron's preload: builds the
 * same `window.api` with createApi, carried over the harness's loopback WebSocket.
 * A call never hangs: a closed socket rejects the calls it carried (createApi turns that into
 * an `unavailable` result the page shows), and the next call opens a new socket.
 */
import type { IpcRendererLike } from '../shared/api';
import { createApi } from '../preload/createApi';
import {
  MAX_MESSAGE_CHARS,
  SOCKET_PATH,
  framesFor,
  type InvokeMessage,
  type ServerMessage,
} from './protocol';

const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
const unreachable = 'The harness is not reachable (reload the page with its URL and token).';

let nextId = 1;
const pending = new Map<
  number,
  { resolve: (value: unknown) => void; reject: (error: Error) => void }
>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();
let current: Promise<WebSocket> | null = null;

function onMessage(event: MessageEvent) {
  const message = JSON.parse(String(event.data)) as ServerMessage;
  if (message.type === 'result') {
    pending.get(message.id)?.resolve(message.result);
    pending.delete(message.id);
  } else {
    listeners.get(message.channel)?.forEach((listener) => listener(message.payload));
  }
}

/** The open socket, or a new one when the last one closed. */
function connection(): Promise<WebSocket> {
  current ??= new Promise<WebSocket>((resolve, reject) => {
    const socket = new WebSocket(
      `ws://${location.host}${SOCKET_PATH}?token=${encodeURIComponent(token)}`,
    );
    socket.addEventListener('message', onMessage);
    socket.addEventListener('open', () => resolve(socket), { once: true });
    socket.addEventListener(
      'close',
      (event) => {
        current = null;
        reject(new Error(unreachable));
        const why = event.code === 1009 ? ' (a message was too large)' : '';
        for (const call of pending.values())
          call.reject(new Error(`The connection to the harness closed${why}; try again.`));
        pending.clear();
      },
      { once: true },
    );
  });
  return current;
}
void connection().catch(() => undefined);

const ipc: IpcRendererLike = {
  async invoke(channel, payload) {
    const id = nextId++;
    const message: InvokeMessage = { type: 'invoke', id, channel, payload };
    const text = JSON.stringify(message);
    if (text.length > MAX_MESSAGE_CHARS) throw new Error('The request is too large to send.');
    const socket = await connection();
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      for (const frame of framesFor(id, text)) socket.send(frame);
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
