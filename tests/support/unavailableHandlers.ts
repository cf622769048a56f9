import { invokeChannels, type IpcHandlers } from '../../src/shared/ipc';
import { HandlerError } from '../../src/shared/result';

/** Every channel answering "unavailable", for tests that bring the few real handlers they are about. */
export function unavailableHandlers(): IpcHandlers {
  const stub = async (): Promise<never> => {
    throw new HandlerError('unavailable', 'not in this test');
  };
  return Object.fromEntries(
    Object.keys(invokeChannels).map((name) => [name, stub]),
  ) as unknown as IpcHandlers;
}
