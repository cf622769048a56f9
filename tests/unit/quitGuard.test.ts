import { describe, expect, it, vi } from 'vitest';
import { closeWithin, createQuitGuard, quitLogLine } from '../../src/main/quitGuard';

const quitEvent = () => ({ preventDefault: vi.fn() });

describe('clean quit', () => {
  it('holds the quit until saving has finished, then quits once', async () => {
    let finishSaving!: () => void;
    const saved = new Promise<void>((resolve) => (finishSaving = resolve));
    const quit = vi.fn();
    const close = vi.fn(() => saved);
    const guard = createQuitGuard({ close, quit });

    const first = quitEvent();
    guard(first);
    expect(first.preventDefault).toHaveBeenCalled();
    // Quitting again while saving (Cmd+Q twice) neither quits nor saves twice.
    const second = quitEvent();
    guard(second);
    expect(second.preventDefault).toHaveBeenCalled();
    expect(close).toHaveBeenCalledOnce();
    await Promise.resolve();
    expect(quit).not.toHaveBeenCalled();

    finishSaving();
    await vi.waitFor(() => expect(quit).toHaveBeenCalledOnce());
    // The quit it triggers goes through.
    const final = quitEvent();
    guard(final);
    expect(final.preventDefault).not.toHaveBeenCalled();
  });

  it('asks first when saves are waiting: "keep open" keeps everything running, the next quit asks again', async () => {
    const quit = vi.fn();
    const close = vi.fn(async () => undefined);
    const answers = [false, true];
    const confirmQuit = vi.fn(async () => answers.shift() ?? true);
    const guard = createQuitGuard({ close, quit, confirmQuit });

    const first = quitEvent();
    guard(first);
    expect(first.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(confirmQuit).toHaveBeenCalledOnce());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(close).not.toHaveBeenCalled();
    expect(quit).not.toHaveBeenCalled();

    const second = quitEvent();
    guard(second);
    expect(second.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(quit).toHaveBeenCalledOnce());
    expect(confirmQuit).toHaveBeenCalledTimes(2);
    expect(close).toHaveBeenCalledOnce();
  });

  it('quits anyway when saving hangs, after the timeout, and says so', async () => {
    vi.useFakeTimers();
    try {
      const quit = vi.fn();
      const onOutcome = vi.fn();
      const guard = createQuitGuard({
        close: () => new Promise(() => {}),
        quit,
        timeoutMs: 5_000,
        onOutcome,
      });
      guard(quitEvent());
      await vi.advanceTimersByTimeAsync(4_999);
      expect(quit).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(2);
      expect(onOutcome).toHaveBeenCalledWith('timed-out');
      expect(quit).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  it('quits when saving fails, whether it rejects or throws', async () => {
    expect(await closeWithin(() => Promise.reject(new Error('disk full')), 1_000)).toBe('failed');
    expect(
      await closeWithin(() => {
        throw new Error('sync failure');
      }, 1_000),
    ).toBe('failed');
    expect(await closeWithin(async () => {}, 1_000)).toBe('closed');
  });

  it('tells saves kept for the next start from saves lost, and claims "saved" for neither', async () => {
    const kept = await closeWithin(async () => ({ unsaved: 3, kept: 3 }), 1_000);
    const partly = await closeWithin(async () => ({ unsaved: 3, kept: 2 }), 1_000);
    const lost = await closeWithin(async () => ({ unsaved: 3, kept: 0 }), 1_000);
    expect([kept, partly, lost]).toEqual(['kept', 'unsaved', 'unsaved']);
    expect(await closeWithin(async () => ({ unsaved: 0, kept: 0 }), 1_000)).toBe('closed');
    expect(quitLogLine('kept')).toEqual({
      level: 'info',
      line: expect.stringMatching(/waits for the next start/),
    });
    for (const outcome of ['kept', 'unsaved'] as const)
      expect(quitLogLine(outcome).line).not.toMatch(/answers saved/);
  });
});
