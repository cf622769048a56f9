import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StreamCoalescer } from '../../src/main/core/chat/StreamCoalescer';
import type { StreamEvent } from '../../src/shared/stream';

describe('StreamCoalescer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('delivers at most one batch per interval whatever the token rate, merging text', () => {
    const batches: StreamEvent[][] = [];
    const coalescer = new StreamCoalescer(
      (events) => batches.push(events),
      1000 / 60,
      () => Date.now(),
    );
    // 5,000 tokens in one second: one every 0.2 ms.
    for (let i = 0; i < 5000; i++) {
      coalescer.push({ type: 'text', text: 'x' });
      if (i % 5 === 4) vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(20);
    expect(batches.length).toBeGreaterThan(30);
    expect(batches.length).toBeLessThanOrEqual(61);
    const text = batches
      .flat()
      .map((e) => (e.type === 'text' ? e.text : ''))
      .join('');
    expect(text).toHaveLength(5000);
    expect(batches.every((batch) => batch.length === 1)).toBe(true);
  });

  it('flushes at once on finish, keeping event order', () => {
    const batches: StreamEvent[][] = [];
    const coalescer = new StreamCoalescer(
      (events) => batches.push(events),
      1000 / 60,
      () => Date.now(),
    );
    coalescer.push({ type: 'metadata', id: 'a', model: 'm' });
    coalescer.push({ type: 'text', text: 'He' });
    coalescer.push({ type: 'text', text: 'llo' });
    coalescer.push({
      type: 'finish',
      finishReason: 'stop',
      providerFinishReason: 'stop',
      timing: { ttftMs: 1, totalMs: 2 },
    });
    expect(batches).toEqual([
      [
        { type: 'metadata', id: 'a', model: 'm' },
        { type: 'text', text: 'Hello' },
        {
          type: 'finish',
          finishReason: 'stop',
          providerFinishReason: 'stop',
          timing: { ttftMs: 1, totalMs: 2 },
        },
      ],
    ]);
  });

  it('does not merge text with reasoning', () => {
    const batches: StreamEvent[][] = [];
    const coalescer = new StreamCoalescer((events) => batches.push(events));
    coalescer.push({ type: 'reasoning', text: 'think' });
    coalescer.push({ type: 'text', text: 'say' });
    coalescer.flush();
    expect(batches[0]).toEqual([
      { type: 'reasoning', text: 'think' },
      { type: 'text', text: 'say' },
    ]);
  });
});
