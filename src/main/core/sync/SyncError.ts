import type { SyncErrorKind } from '../../../shared/sync';

/** A sync that could not finish; `message` is meant for the person and names what to do. */
export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SyncError';
  }
}
