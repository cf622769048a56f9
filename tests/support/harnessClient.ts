import WebSocket from 'ws';
import type { HarnessProcess } from './harnessProcess';

export interface HarnessClient {
  /** Invokes a channel (`getStorageStatus`, …) and resolves with its `{ ok, value | error }`. */
  call<T = unknown>(channel: string, payload?: unknown): Promise<{ ok: boolean; value?: T }>;
  /** Every event received so far, in order. */
  events: { channel: string; payload: unknown }[];
  close(): void;
}

/** A client of the harness socket, as the page's bridge is: its token, its origin. */
export async function connectToHarness(harness: HarnessProcess): Promise<HarnessClient> {
  const url = new URL('/__harness/socket', harness.origin.replace('http', 'ws'));
  url.searchParams.set('token', harness.token);
  const ws = new WebSocket(url, { origin: harness.origin });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the harness socket did not open')), 10_000);
    ws.once('open', () => {
      clearTimeout(timer);
      resolve();
    });
    ws.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  const events: HarnessClient['events'] = [];
  const waiting = new Map<number, (result: unknown) => void>();
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as {
      type: string;
      id?: number;
      channel?: string;
      payload?: unknown;
      result?: unknown;
    };
    if (message.type === 'event' && message.channel)
      events.push({ channel: message.channel, payload: message.payload });
    if (message.type === 'result' && message.id !== undefined) {
      waiting.get(message.id)?.(message.result);
      waiting.delete(message.id);
    }
  });
  let next = 1;
  return {
    events,
    call: (channel, payload = {}) => {
      const id = next++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${channel}: no answer in 30 s`)), 30_000);
        waiting.set(id, (result) => {
          clearTimeout(timer);
          resolve(result as { ok: boolean });
        });
        ws.send(JSON.stringify({ type: 'invoke', id, channel: `switchboard:${channel}`, payload }));
      });
    },
    close: () => ws.close(),
  };
}
