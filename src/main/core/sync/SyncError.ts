import type { SyncErrorKind } from '../../../shared/sync';
import type { Said, Spoken } from '../../../shared/said';

/**
 * A sync that could not finish; `message` is meant for the person and names what to do, `said`
 * is the same words as a code for the person's language.
 */
export class SyncError extends Error {
  readonly said: Said;
  constructor(
    readonly kind: SyncErrorKind,
    words: Spoken,
    options?: { cause?: unknown },
  ) {
    super(words.message, options);
    this.said = words.said;
    this.name = 'SyncError';
  }
}
