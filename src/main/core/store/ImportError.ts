/** An import file cannot be used; `message` says why, for the person. Nothing was written. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
