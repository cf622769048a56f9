import type { IpcHandlers } from '../../../shared/ipc';
import { HandlerError } from '../../../shared/result';
import type { StorageHealth } from './StorageHealth';

/**
 * Every handler, with disk and database failures answered as a `storage` error that says what
 * happened and what to do ("The disk is full…") instead of "Something went wrong". The caller
 * shows it where the action was (the composer keeps the draft); nothing else is touched.
 */
export function guardStorage(handlers: IpcHandlers, health: StorageHealth): IpcHandlers {
  const guarded: Record<string, (request: never) => Promise<unknown>> = {};
  for (const [channel, handler] of Object.entries(handlers) as [
    string,
    (request: never) => Promise<unknown>,
  ][]) {
    guarded[channel] = async (request) => {
      try {
        return await handler(request);
      } catch (error) {
        if (error instanceof HandlerError) throw error;
        const message = health.reportSpoken(error, { tell: false });
        if (message === null) throw error;
        throw new HandlerError('storage', message);
      }
    };
  }
  return guarded as unknown as IpcHandlers;
}
