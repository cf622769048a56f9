import { describe, expect, it } from 'vitest';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { estimateUsage } from '../../src/main/core/providers/estimateUsage';
import {
  COUNTED_CHARS,
  bounded,
  countIsEstimate,
  tokenizerFor,
} from '../../src/main/core/context/tokenCounter';

const count = bounded(countTokens);

/** Milliseconds one call takes. */
function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

describe('bounded token counting', () => {
  it('counts ordinary text exactly, as the tokenizer does', () => {
    const prose = 'The quick brown fox jumps over the lazy dog. '.repeat(500);
    expect(count(prose)).toBe(countTokens(prose));
    expect(countIsEstimate(prose)).toBe(false);
  });

  it('a run of letters without a space takes milliseconds, not minutes', () => {
    // Unbounded, gpt-tokenizer took 5.4 s for 64 KB of this and 79 s for 256 KB (quadratic).
    const run = 'gattaca'.repeat(64 * 1024);
    expect(countIsEstimate(run)).toBe(true);
    let tokens = 0;
    expect(timed(() => (tokens = count(run)))).toBeLessThan(3_000);
    // Cut every 256 characters: close to what one counts of a short run, scaled.
    const perChar = countTokens('gattaca'.repeat(300)) / 2100;
    expect(tokens / run.length).toBeGreaterThan(perChar * 0.8);
    expect(tokens / run.length).toBeLessThan(perChar * 1.25);
  });

  it('16 MB of text is estimated from samples, near the full count and fast', async () => {
    const line = 'Line: the quick brown fox jumps over the lazy dog, 42 times.\n';
    const huge = line.repeat(Math.ceil((16 * 1024 * 1024) / line.length));
    expect(huge.length).toBeGreaterThan(COUNTED_CHARS);
    expect(countIsEstimate(huge)).toBe(true);
    const exact = countTokens(line) * (huge.length / line.length);
    const tokenizer = await tokenizerFor('gpt-4o');
    let tokens = 0;
    expect(timed(() => (tokens = tokenizer.count(huge)))).toBeLessThan(2_000);
    expect(Math.abs(tokens - exact) / exact).toBeLessThan(0.02);
  });

  it('usage estimated after an answer counts a 16 MB run-on question quickly', async () => {
    const question = 'acgt'.repeat(4 * 1024 * 1024);
    const started = performance.now();
    const usage = await estimateUsage(
      { model: 'emu-1', messages: [{ role: 'user', content: question }] } as never,
      { text: 'Two sequences.', reasoning: '' },
    );
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(usage.source).toBe('estimated');
    expect(usage.inputTokens).toBeGreaterThan(question.length / 8);
  });
});
