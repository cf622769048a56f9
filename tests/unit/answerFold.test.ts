import { describe, expect, it } from 'vitest';
import { AnswerFold, foldAnswer } from '../../src/shared/answerFold';
import type { StreamEvent } from '../../src/shared/stream';

const finish = (finishReason: 'stop' | 'length' | 'refusal'): StreamEvent => ({
  type: 'finish',
  finishReason,
  providerFinishReason: finishReason,
  timing: { ttftMs: 12, totalMs: 340 },
});

describe('the answer fold', () => {
  it('folds a stream into parts in order, with finish, usage, ids and timings', () => {
    const usage = { inputTokens: 5, outputTokens: 7, totalTokens: 12, source: 'provider' as const };
    const answer = foldAnswer([
      { type: 'metadata', id: 'chatcmpl-1', model: 'emu-1' },
      { type: 'rateLimit', rateLimit: { headers: {} } },
      { type: 'reasoning', text: 'Let me ' },
      { type: 'reasoning', text: 'think.' },
      { type: 'text', text: 'Hello, ' },
      { type: 'text', text: 'wörld 👋' },
      { type: 'metadata', model: 'emu-1-0613' },
      { type: 'usage', usage },
      finish('stop'),
    ]);
    expect(answer).toEqual({
      parts: [
        { type: 'reasoning', text: 'Let me think.' },
        { type: 'text', text: 'Hello, wörld 👋' },
      ],
      finishReason: 'stop',
      providerFinishReason: 'stop',
      usage,
      providerMessageId: 'chatcmpl-1',
      model: 'emu-1-0613',
      timing: { ttftMs: 12, totalMs: 340 },
      error: null,
    });
  });

  it('keeps a refusal and an error, and knows when nothing finished yet', () => {
    const fold = new AnswerFold();
    expect(fold.finished).toBe(false);
    expect(fold.has('refusal')).toBe(false);
    fold.push({ type: 'refusal', text: 'I cannot ' });
    fold.push({ type: 'refusal', text: 'help with that.' });
    const error = { kind: 'interrupted' as const, status: null, message: 'cut' };
    fold.push({ type: 'error', error });
    expect(fold.answer().finishReason).toBeNull();
    fold.push(finish('refusal'));
    expect(fold.finished).toBe(true);
    expect(fold.has('refusal')).toBe(true);
    expect(fold.textOf('refusal')).toBe('I cannot help with that.');
    expect(fold.textOf('text')).toBe('');
    expect(fold.error).toEqual(error);
  });

  it('grows a continued answer from its parts, and says when content changed', () => {
    const fold = new AnswerFold([
      { type: 'reasoning', text: 'Plan.' },
      { type: 'text', text: 'Part one' },
    ]);
    const before = fold.contentVersion;
    expect(
      fold.push({
        type: 'usage',
        usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2, source: 'estimated' },
      }),
    ).toBe(false);
    expect(fold.contentVersion).toBe(before);
    expect(fold.push({ type: 'text', text: ', part two' })).toBe(true);
    expect(fold.push({ type: 'text', text: '' })).toBe(false);
    expect(fold.contentVersion).toBe(before + 1);
    expect(fold.parts()).toEqual([
      { type: 'reasoning', text: 'Plan.' },
      { type: 'text', text: 'Part one, part two' },
    ]);
    // Read again after more came: the joined text goes on from where it was.
    fold.push({ type: 'text', text: '.' });
    expect(fold.textOf('text')).toBe('Part one, part two.');
  });

  it('appends in amortized constant time: 200k deltas fold in well under a second', () => {
    const fold = new AnswerFold();
    const started = performance.now();
    for (let i = 0; i < 200_000; i++) {
      fold.push({ type: 'text', text: 'tok ' });
      // A mid-stream save reads the parts now and then.
      if (i % 5_000 === 0) fold.parts();
    }
    expect(fold.textOf('text').length).toBe(800_000);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
