/**
 * A clean quit: the first quit is held until core has finished saving (streaming answers
 * included), then let through; a core that never finishes cannot keep the app open forever.
 * Electron-free so tests can drive it.
 */

/** `unsaved`: closed, but saves that waited for a full disk or a lock were lost. */
export type CloseOutcome = 'closed' | 'unsaved' | 'timed-out' | 'failed';

/** What the crash log says about a quit: only what was done. */
export function quitLogLine(outcome: CloseOutcome): { level: 'info' | 'error'; line: string } {
  switch (outcome) {
    case 'closed':
      return { level: 'info', line: '[quit] answers saved and the database closed' };
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
  close: () => Promise<void | { unsaved: number }>,
  timeoutMs: number,
): Promise<CloseOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<CloseOutcome>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), timeoutMs);
  });
  // Starts closing at once; a synchronous throw becomes a rejection like any other failure.
  const closing = (async () => close())().then(
    (result): CloseOutcome => (result && result.unsaved > 0 ? 'unsaved' : 'closed'),
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
  close: () => Promise<void | { unsaved: number }>;
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
