/** Errors cross IPC as values, never as thrown strings (DESIGN.md, Conventions). */

export const ipcErrorCodes = [
  'invalid_request',
  'forbidden_sender',
  'unknown_channel',
  'not_found',
  'conflict',
  'unavailable',
  /** The disk or the history file failed (full, read-only, locked, damaged): nothing was saved. */
  'storage',
  'internal',
] as const;
export type IpcErrorCode = (typeof ipcErrorCodes)[number];

export interface IpcError {
  code: IpcErrorCode;
  message: string;
  /** For invalid_request: which field was wrong, so the UI can show it at the field. */
  issues?: { path: string; message: string }[];
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Thrown by a handler to answer with a specific error code; registerIpc turns it into a value. */
export class HandlerError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    /** Field-level problems, shown at the field like schema failures. */
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'HandlerError';
  }
}
