/**
 * A clean quit: the first quit is held until core has finished saving (streaming answers
 * included), then let through; a core that never finishes cannot keep the app open forever.
 * Electron-free so tests can drive it.
 */

/**
 * `kept`: closed; saves the history could not take (a full disk, a lock) went to a file for the
 * next start. `unsaved`: closed, but some of those saves were lost.
 */
export type CloseOutcome = 'closed' | 'kept' | 'unsaved' | 'timed-out' | 'failed';

/** What core.close reports about saves the history did not take. */
export interface CloseResult {
  unsaved: number;
  kept?: number;
}

/** What the crash log says about a quit: only what was done. */
export function quitLogLine(outcome: CloseOutcome): { level: 'info' | 'error'; line: string } {
  switch (outcome) {
    case 'closed':
      return { level: 'info', line: '[quit] answers saved and the database closed' };
    case 'kept':
      return {
        level: 'info',
        line: '[quit] the database closed; what it could not take waits for the next start (see the line above)',
      };
    case 'unsaved':
      return {
        level: 'error',
        line: '[quit] the database closed, but not every answer was saved (see the line above)',
      };
    default:
      return { level: 'error', line: `[quit] saving before quit ${outcome}` };
  }
}

/** Runs `close`, resolving with how it ended; never rejects and never waits past `timeoutMs`. */
export async function closeWithin(
  close: () => Promise<void | CloseResult>,
  timeoutMs: number,
): Promise<CloseOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<CloseOutcome>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), timeoutMs);
  });
  // Starts closing at once; a synchronous throw becomes a rejection like any other failure.
  const closing = (async () => close())().then(
    (result): CloseOutcome => {
      if (!result || result.unsaved === 0) return 'closed';
      return (result.kept ?? 0) >= result.unsaved ? 'kept' : 'unsaved';
    },
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
  close: () => Promise<void | CloseResult>;
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
