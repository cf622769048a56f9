import type { ServerResponse } from 'node:http';

/**
 * The longest the emulator stays silent on one connection (hang=1, stall=N) when the client
 * never gives up: the socket is then destroyed, so no test can leave a server waiting forever.
 */
export const MAX_SILENCE_MS = 120_000;

/**
 * Waits, sending nothing, until the client closes the connection or MAX_SILENCE_MS passes,
 * then destroys the socket. Models a server (or a proxy in front of it) that accepted the
 * request and hangs.
 */
export function holdSilently(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed || res.socket?.destroyed) return resolve();
    const timer = setTimeout(() => {
      res.socket?.destroy();
      resolve();
    }, MAX_SILENCE_MS);
    // Unref'd: the emulator's close() destroys every socket, which ends this wait anyway.
    timer.unref();
    res.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
