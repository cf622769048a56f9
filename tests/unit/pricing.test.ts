import { describe, expect, it } from 'vitest';
import { cacheSavingsOf, costOf, findPrice } from '../../src/shared/pricing';

describe('findPrice', () => {
  it('matches exact ids and dated snapshots, preferring the longest model', () => {
    expect(findPrice('gpt-4o')?.model).toBe('gpt-4o');
    expect(findPrice('gpt-4o-2024-08-06')?.model).toBe('gpt-4o');
    expect(findPrice('gpt-4o-mini-2024-07-18')?.model).toBe('gpt-4o-mini');
    expect(findPrice('claude-3-5-sonnet-20241022')?.model).toBe('claude-3-5-sonnet');
    expect(findPrice('claude-sonnet-4-5-20250929')?.model).toBe('claude-sonnet-4-5');
    expect(findPrice('openai/gpt-4.1-mini')?.model).toBe('gpt-4.1-mini');
  });

  it('does not guess for unknown or merely similar models', () => {
    expect(findPrice('llama3.1:8b')).toBeNull();
    expect(findPrice('gpt-4o-audio-preview-2024-12-17')).toBeNull();
    expect(findPrice('emu-1')).toBeNull();
  });

  it('lets an override win', () => {
    const override = {
      model: 'gpt-4o',
      provider: 'openai' as const,
      inputPerMTok: 1,
      cachedInputPerMTok: null,
      outputPerMTok: 2,
    };
    expect(findPrice('gpt-4o-2024-08-06', [override])).toBe(override);
  });
});

describe('costOf', () => {
  it('bills cached input at the cached price', () => {
    const price = findPrice('gpt-4o');
    // 1M input of which 400k cached, 100k output: 0.6M*2.5 + 0.4M*1.25 + 0.1M*10 = 1.5 + 0.5 + 1.0
    expect(
      costOf({ inputTokens: 1_000_000, cachedInputTokens: 400_000, outputTokens: 100_000 }, price),
    ).toBeCloseTo(3.0, 10);
  });

  it('is null, not zero, for a model with no price', () => {
    expect(costOf({ inputTokens: 10, outputTokens: 10 }, null)).toBeNull();
  });

  it('uses the input price for cached tokens when no cached price exists', () => {
    const price = findPrice('gpt-4-turbo');
    expect(
      costOf({ inputTokens: 1_000_000, cachedInputTokens: 1_000_000, outputTokens: 0 }, price),
    ).toBeCloseTo(10, 10);
  });
});

describe('prompt caching costs', () => {
  const usage = {
    inputTokens: 6_000_000,
    cachedInputTokens: 3_000_000,
    cacheWriteTokens: 2_000_000,
    outputTokens: 1_000_000,
  };

  it('bills uncached input, cache writes, cache reads and output each at its price', () => {
    // Opus 4.5: 1M×5 + 2M×6.25 + 3M×0.50 + 1M×25 = 5 + 12.5 + 1.5 + 25
    expect(costOf(usage, findPrice('claude-opus-4-5-20251101'))).toBeCloseTo(44, 10);
  });

  it('says what caching saved: reads below the input price less the writes premium', () => {
    // 3M×(5 − 0.50) − 2M×(6.25 − 5) = 13.5 − 2.5
    expect(cacheSavingsOf(usage, findPrice('claude-opus-4-5'))).toBeCloseTo(11, 10);
    // A call that only wrote paid more than it would have uncached.
    const writeOnly = { inputTokens: 1_000_000, cacheWriteTokens: 1_000_000, outputTokens: 0 };
    expect(cacheSavingsOf(writeOnly, findPrice('claude-sonnet-4-5'))).toBeCloseTo(-0.75, 10);
    expect(cacheSavingsOf(usage, null)).toBeNull();
  });

  it('an Anthropic price without a write price (an older override) bills writes at 1.25× input', () => {
    const override = {
      model: 'claude-sonnet-4-5',
      provider: 'anthropic' as const,
      inputPerMTok: 4,
      cachedInputPerMTok: 0.4,
      outputPerMTok: 20,
    };
    const writes = { inputTokens: 1_000_000, cacheWriteTokens: 1_000_000, outputTokens: 0 };
    expect(costOf(writes, override)).toBeCloseTo(5, 10);
    // Elsewhere no write premium: OpenAI and Gemini bill cache misses as plain input.
    expect(costOf(writes, findPrice('gpt-4.1'))).toBeCloseTo(2, 10);
  });

  it('never bills more prompt parts than the prompt has', () => {
    const odd = { inputTokens: 100, cachedInputTokens: 80, cacheWriteTokens: 80, outputTokens: 0 };
    // 80 read at 0.30, the 20 left written at 3.75, nothing uncached.
    expect(costOf(odd, findPrice('claude-sonnet-4-5'))! * 1e6).toBeCloseTo(80 * 0.3 + 20 * 3.75, 8);
  });

  it('prices the newer Claude and the Gemini 2.5 models', () => {
    expect(findPrice('claude-opus-4-7')?.inputPerMTok).toBe(5);
    expect(findPrice('claude-sonnet-5')?.cacheWritePerMTok).toBe(2.5);
    expect(findPrice('gemini-2.5-pro')).toMatchObject({ inputPerMTok: 1.25, outputPerMTok: 10 });
    expect(findPrice('gemini-2.5-flash')?.model).toBe('gemini-2.5-flash');
    expect(findPrice('gemini-2.5-flash-lite')?.model).toBe('gemini-2.5-flash-lite');
  });
});
