/** What the bench page exposes to the Playwright driver (index.ts). */
export interface BenchPage {
  /** Streams `tokens` at `tokensPerSecond`, in `updatesPerSecond` chunks, then waits to settle. */
  stream(options: {
    tokens: string[];
    tokensPerSecond: number;
    updatesPerSecond: number;
  }): Promise<StreamReport>;
}

export interface StreamReport {
  updates: number;
  wallMs: number;
  /** How late updates were applied against their schedule (the view falling behind). */
  maxLagMs: number;
  longTasks: number;
  maxLongTaskMs: number;
  /** What ended up in the view, to check every variant rendered the whole answer. */
  textLength: number;
  codeBlocks: number;
  tables: number;
  math: number;
}

/** One view under test: mounts itself, then takes text as it grows. */
export interface Variant {
  mount(root: HTMLElement): Promise<void>;
  append(chunk: string): void;
  finish(): void;
  /**
   * The element showing the answer, where the page holds more than the answer (the long chat):
   * what the report counts, so an answer left off screen cannot pass for one shown.
   */
  answerElement?(): HTMLElement | null;
}
