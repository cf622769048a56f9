/**
 * A clean quit: the first quit is held until core has finished saving (streaming answers
 * included), then let through; a core that never finishes cannot keep the app open forever.
 * Electron-free so tests can drive it.
 */

export type CloseOutcome = 'closed' | 'timed-out' | 'failed';

/** Runs `close`, resolving with how it ended; never rejects and never waits past `timeoutMs`. */
export async function closeWithin(
  close: () => Promise<void>,
  timeoutMs: number,
): Promise<CloseOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<CloseOutcome>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), timeoutMs);
  });
  // Starts closing at once; a synchronous throw becomes a rejection like any other failure.
  const closing = (async () => close())().then(
    (): CloseOutcome => 'closed',
    (): CloseOutcome => 'failed',
  );
  try {
    return await Promise.race([closing, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface QuitGuardOptions {
  /** Saves and releases everything (core.close). */
  close: () => Promise<void>;
  /** Quits for real once close has ended (app.quit). */
  quit: () => void;
  timeoutMs?: number;
  /** Told when close did not end cleanly, so it can be logged. */
  onOutcome?: (outcome: CloseOutcome) => void;
  /**
   * Asked first; false keeps the app open (answers still waiting to be saved on a full disk:
   * quitting would lose them, so the person decides).
   */
  confirmQuit?: () => Promise<boolean>;
}

/** A `before-quit` listener: holds the first quit until close ends, lets later ones through. */
export function createQuitGuard(
  options: QuitGuardOptions,
): (event: { preventDefault(): void }) => void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  return (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void (async () => {
      const confirmed = options.confirmQuit ? await options.confirmQuit().catch(() => true) : true;
      if (!confirmed) {
        state = 'running';
        return;
      }
      const outcome = await closeWithin(options.close, options.timeoutMs ?? 10_000);
      options.onOutcome?.(outcome);
      state = 'closed';
      options.quit();
    })();
  };
}
