import { describe, expect, it } from 'vitest';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { estimateUsage } from '../../src/main/core/providers/estimateUsage';
import {
  COUNTED_CHARS,
  bounded,
  countIsEstimate,
  tokenizerFor,
  uncachedTokenCount,
} from '../../src/main/core/context/tokenCounter';

const count = bounded(countTokens);

/** A bounded count that also keeps what it handed the tokenizer. */
function watched() {
  const handed: string[] = [];
  const counted = bounded((text) => {
    handed.push(text);
    return countTokens(text);
  });
  return { counted, handed };
}

// The costly case: gpt-tokenizer's BPE takes the square of a whitespace-free run's length.
const longestRun = (texts: string[]) =>
  Math.max(0, ...texts.map((t) => Math.max(0, ...t.split(/\s/).map((w) => w.length))));

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
    const { counted, handed } = watched();
    const tokens = counted(run);
    expect(longestRun(handed)).toBeLessThanOrEqual(256);
    expect(tokens).toBe(count(run));
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
    const { counted, handed } = watched();
    counted(huge);
    expect(handed.reduce((sum, text) => sum + text.length, 0)).toBeLessThanOrEqual(COUNTED_CHARS);
    const tokenizer = await tokenizerFor('gpt-4o');
    const tokens = tokenizer.count(huge);
    expect(Math.abs(tokens - exact) / exact).toBeLessThan(0.02);
  });

  it('usage estimated after an answer counts a 16 MB run-on question quickly', async () => {
    const question = 'acgt'.repeat(4 * 1024 * 1024);
    // Unbounded, this would run for hours: the test's own timeout is the check of speed.
    const usage = await estimateUsage(
      { model: 'emu-1', messages: [{ role: 'user', content: question }] } as never,
      { text: 'Two sequences.', reasoning: '' },
    );
    expect(usage.source).toBe('estimated');
    expect(usage.inputTokens).toBeGreaterThan(question.length / 8);
  });

  it("knowledge indexing's uncached count is bounded the same way (a minified file in a folder)", async () => {
    const run = 'gattaca'.repeat(64 * 1024);
    const indexing = await uncachedTokenCount('gpt-4o');
    expect(indexing(run)).toBe(count(run));
  });
});
