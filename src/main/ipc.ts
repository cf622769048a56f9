import { invokeChannels, wireChannel, type InvokeChannel, type IpcHandlers } from '../shared/ipc';
import { HandlerError, type IpcError, type IpcResult } from '../shared/result';
import { spoken } from '../shared/said';

/** What registerIpc needs from Electron's ipcMain; the harness and tests provide the same. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcSenderEvent, payload: unknown) => Promise<unknown>,
  ): void;
  removeHandler?(channel: string): void;
}

/** The part of Electron's IpcMainInvokeEvent used to check who is calling. */
export interface IpcSenderEvent {
  senderFrame?: { url: string } | null;
}

export interface RegisterIpcOptions {
  /** True only for the app's own page. */
  isTrustedSender: (event: IpcSenderEvent) => boolean;
  /** Where unexpected handler failures are reported (never with payload contents). */
  onInternalError?: (channel: InvokeChannel, error: unknown) => void;
}

/**
 * Registers every contract channel on `ipcMain`: checks the sender, validates the payload with
 * the channel's zod schema, runs the handler and answers with a value, never a throw. Whatever
 * arrives, main stays up.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: IpcHandlers,
  options: RegisterIpcOptions,
): () => void {
  const channels = Object.keys(invokeChannels) as InvokeChannel[];
  for (const channel of channels) {
    ipcMain.handle(wireChannel(channel), (event, payload) =>
      dispatch(channel, event, payload, handlers, options),
    );
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler?.(wireChannel(channel)));
}

export async function dispatch(
  channel: InvokeChannel,
  event: IpcSenderEvent,
  payload: unknown,
  handlers: IpcHandlers,
  options: RegisterIpcOptions,
): Promise<IpcResult<unknown>> {
  let trusted: boolean;
  try {
    trusted = options.isTrustedSender(event);
  } catch {
    trusted = false;
  }
  if (!trusted)
    return fail({
      code: 'forbidden_sender',
      message: 'This caller is not the Switchboard window.',
    });

  let parsed: ReturnType<(typeof invokeChannels)[typeof channel]['request']['safeParse']>;
  try {
    parsed = invokeChannels[channel].request.safeParse(payload ?? {});
  } catch {
    // A payload whose very reading throws (a proxy, a throwing getter) is as invalid as any.
    return fail({ code: 'invalid_request', message: `Invalid request for ${channel}.` });
  }
  if (!parsed.success) {
    return fail({
      code: 'invalid_request',
      message: `Invalid request for ${channel}.`,
      issues: parsed.error.issues.slice(0, 20).map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    });
  }
  try {
    // The table is keyed by channel; TypeScript cannot correlate the union here, the schema did.
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof HandlerError) {
      return fail({
        code: error.code,
        message: error.message,
        ...(error.issues ? { issues: error.issues } : {}),
        ...(error.profileId ? { profileId: error.profileId } : {}),
        ...(error.said ? { said: error.said } : {}),
      });
    }
    options.onInternalError?.(channel, error);
    return fail({ code: 'internal', ...spoken('ipc.internal', { channel }) });
  }
}

function fail(error: IpcError): IpcResult<never> {
  return { ok: false, error };
}
