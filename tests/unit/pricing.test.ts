import { describe, expect, it } from 'vitest';
import { costOf, findPrice } from '../../src/shared/pricing';

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
