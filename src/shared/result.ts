/** Errors cross IPC as values, never as thrown strings (DESIGN.md, Conventions). */

import type { Said, Spoken } from './said';

export const ipcErrorCodes = [
  'invalid_request',
  'forbidden_sender',
  'unknown_channel',
  'not_found',
  'conflict',
  'unavailable',
  /** The disk or the history file failed (full, read-only, locked, damaged): nothing was saved. */
  'storage',
  /** The profile needs an API key and has none: nothing was sent. */
  'no_key',
  'internal',
] as const;
export type IpcErrorCode = (typeof ipcErrorCodes)[number];

/** A refusal that belongs at a field; `said` when main has the sentence as a code. */
export interface FieldIssue {
  path: string;
  message: string;
  said?: Said;
}

export interface IpcError {
  code: IpcErrorCode;
  message: string;
  /** For invalid_request: which field was wrong, so the UI can show it at the field. */
  issues?: FieldIssue[];
  /** For no_key: the profile to open in Settings so a key can be added. */
  profileId?: string;
  /** `message` as a code, when main has one: the renderer shows it in the person's language. */
  said?: Said;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Thrown by a handler to answer with a specific error code; registerIpc turns it into a value. */
export class HandlerError extends Error {
  /** The message as a code (errors catalogue), when it is one of ours: shown in the person's language. */
  readonly said: Said | undefined;
  constructor(
    readonly code: IpcErrorCode,
    message: string | Spoken,
    /** Field-level problems, shown at the field like schema failures. */
    readonly issues?: FieldIssue[],
    /** The profile the error is about (no_key), so the window can open it. */
    readonly profileId?: string,
  ) {
    super(typeof message === 'string' ? message : message.message);
    this.said = typeof message === 'string' ? undefined : message.said;
    this.name = 'HandlerError';
  }
}
