/** An import file cannot be used; `message` says why, for the person. Nothing was written. */

import type { Spoken } from '../../../shared/said';
export class ImportError extends Error {
  readonly words: Spoken;
  constructor(words: Spoken) {
    super(words.message);
    this.words = words;
    this.name = 'ImportError';
  }
}
