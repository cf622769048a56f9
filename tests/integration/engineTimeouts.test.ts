import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseTimeoutLimits } from '../../src/main/core/providers/responseTimeouts';
import type { ProviderTarget } from '../../src/main/core/providers/types';
import { startEmulator, type Emulator } from '../emulator/server';
import {
  ask,
  callsWith,
  dialects,
  emulatorTarget,
  runEngine,
  taggedPrompt as tag,
} from '../support/engineRun';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

/** The profile's own setting, as a person would save it: short, so the tests stay quick. */
function withTimeouts(
  target: ProviderTarget,
  timeouts: { firstByteSeconds?: number; idleSeconds?: number },
): ProviderTarget {
  return { ...target, profile: { ...target.profile, name: 'emu', timeouts } };
}

/** Runs one call and times it on the monotonic clock. */
async function timedRun(target: ProviderTarget, prompt: string, stream = true) {
  const started = performance.now();
  const run = await runEngine(target, ask(target, prompt, stream ? {} : { stream: false }));
  return { run, elapsedMs: performance.now() - started, endedAt: Date.now() };
}

/** The emulator saw the connection closed (not finished) soon after the engine gave up. */
async function expectConnectionClosed(marker: string, endedAt: number) {
  await expect
    .poll(() => callsWith(emulator, marker)[0]?.closedAt, { timeout: 3000 })
    .toBeDefined();
  const calls = callsWith(emulator, marker);
  expect(calls).toHaveLength(1);
  expect(calls[0]!.completed).toBe(false);
  expect(Math.abs(calls[0]!.closedAt! - endedAt)).toBeLessThan(1000);
}

describe('response timeout defaults', () => {
  it('waits 60 s for a first byte and 300 s between pieces unless the profile says otherwise', () => {
    expect(responseTimeoutLimits({}, true)).toEqual({ firstByteMs: 60_000, idleMs: 300_000 });
    expect(responseTimeoutLimits({ timeouts: { firstByteSeconds: 5 } }, true)).toEqual({
      firstByteMs: 5_000,
      idleMs: 300_000,
    });
    // A non-streamed answer sends its headers only when it is written: it gets the longer wait.
    expect(
      responseTimeoutLimits({ timeouts: { firstByteSeconds: 5, idleSeconds: 90 } }, false),
    ).toEqual({ firstByteMs: 90_000, idleMs: 90_000 });
  });
});

describe.each(dialects)('%s dialect', (type) => {
  const target = (timeouts: { firstByteSeconds?: number; idleSeconds?: number }) =>
    withTimeouts(emulatorTarget(emulator, type), timeouts);

  it('a server that never sends a byte times out after the first-byte limit, not retried', async () => {
    const { prompt, marker } = tag('hang=1');
    const { run, elapsedMs, endedAt } = await timedRun(
      target({ firstByteSeconds: 1, idleSeconds: 30 }),
      prompt,
    );
    expect(run.error?.kind).toBe('timeout');
    expect(run.error?.message).toMatch(
      / \(emu\) sent nothing for 1 s, so Switchboard stopped waiting\./,
    );
    expect(run.error?.message).toContain('raise the response timeout in Settings › Profiles');
    expect(run.finish.finishReason).toBe('error');
    expect(run.text).toBe('');
    expect(elapsedMs).toBeGreaterThanOrEqual(950);
    expect(elapsedMs).toBeLessThan(3000);
    await expectConnectionClosed(marker, endedAt);
  });

  it('a stream that goes silent mid-answer times out after the idle limit, keeping the text', async () => {
    const { prompt, marker } = tag('tokens=20 stall=4');
    const { run, elapsedMs, endedAt } = await timedRun(
      target({ firstByteSeconds: 30, idleSeconds: 1 }),
      prompt,
    );
    expect(run.text).toMatch(/^You said: .*\n\nStreaming lets $/s);
    expect(run.error?.kind).toBe('timeout');
    expect(run.error?.message).toMatch(/went silent for 1 s mid-answer/);
    expect(run.error?.message).toContain('the text so far is kept');
    expect(run.finish.finishReason).toBe('error');
    expect(run.finish.timing.ttftMs).not.toBeNull();
    expect(run.usage?.source).toBe('estimated');
    expect(elapsedMs).toBeGreaterThanOrEqual(950);
    expect(elapsedMs).toBeLessThan(3000);
    await expectConnectionClosed(marker, endedAt);
  });

  it('a server that answers with headers and then nothing times out as idle, not retried', async () => {
    const { prompt, marker } = tag('tokens=20 stall=0');
    const { run, endedAt } = await timedRun(
      target({ firstByteSeconds: 30, idleSeconds: 1 }),
      prompt,
    );
    expect(run.text).toBe('');
    expect(run.error?.kind).toBe('timeout');
    expect(run.error?.message).toMatch(/started the response, then sent nothing for 1 s/);
    expect(run.error?.message).toContain('raise the idle timeout');
    await expectConnectionClosed(marker, endedAt);
  });

  it('keep-alives count as life: a slow first token behind them is waited for', async () => {
    const { prompt } = tag('tokens=5 delay=1600 comments=1');
    const { run, elapsedMs } = await timedRun(
      target({ firstByteSeconds: 1, idleSeconds: 1 }),
      prompt,
    );
    expect(run.error).toBeUndefined();
    expect(run.finish.finishReason).toBe('stop');
    expect(run.text).toMatch(/^You said/);
    expect(elapsedMs).toBeGreaterThanOrEqual(1500);
  });
});

describe('non-streamed calls', () => {
  it('wait for the first byte as long as the idle limit allows, then time out', async () => {
    const t = withTimeouts(emulatorTarget(emulator, 'openai-compatible', null), {
      firstByteSeconds: 1,
      idleSeconds: 2,
    });
    const { prompt, marker } = tag('hang=1');
    const { run, elapsedMs, endedAt } = await timedRun(t, prompt, false);
    expect(run.error?.kind).toBe('timeout');
    expect(run.error?.message).toMatch(/^OpenAI-compatible \(emu\) sent nothing for 2 s/);
    expect(elapsedMs).toBeGreaterThanOrEqual(1950);
    expect(elapsedMs).toBeLessThan(4000);
    await expectConnectionClosed(marker, endedAt);
  });

  it('a slow answer within the limits is not cut off', async () => {
    const t = withTimeouts(emulatorTarget(emulator, 'anthropic'), {
      firstByteSeconds: 1,
      idleSeconds: 3,
    });
    const run = await runEngine(t, ask(t, tag('tokens=4 delay=1500').prompt, { stream: false }));
    expect(run.error).toBeUndefined();
    expect(run.finish.finishReason).toBe('stop');
  });
});
