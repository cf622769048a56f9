import { afterEach, describe, expect, it } from 'vitest';
import { setUiLanguage } from '../../../src/renderer/src/lib/i18n';
import {
  draftOf,
  emptyPriceDraft,
  overrideFromDraft,
  priceFields,
} from '../../../src/renderer/src/features/settings/lib/priceDraft';
import { findPrice } from '../../../src/shared/pricing';
import type { PriceEntry } from '../../../src/shared/usage';

const shipped = (model: string): PriceEntry => ({ ...findPrice(model)!, origin: 'shipped' });

describe('a price row as typed', () => {
  afterEach(() => {
    setUiLanguage('en');
  });

  it('shows a shipped Anthropic row with its write price, and an edit keeps it', () => {
    const draft = draftOf(shipped('claude-sonnet-5'));
    expect(draft.write).toBe('2.5');
    expect(overrideFromDraft({ ...draft, input: '4' })).toMatchObject({
      model: 'claude-sonnet-5',
      provider: 'anthropic',
      inputPerMTok: 4,
      cacheWritePerMTok: 2.5,
    });
  });

  it('writes and reads a price with the German decimal comma, and a point as well', () => {
    setUiLanguage('de');
    const draft = draftOf(shipped('claude-sonnet-5'));
    expect(draft.write).toBe('2,5');
    expect(overrideFromDraft({ ...draft, input: '3,75' })).toMatchObject({
      inputPerMTok: 3.75,
      cacheWritePerMTok: 2.5,
    });
    expect(overrideFromDraft({ ...draft, input: '3.75' })).toMatchObject({ inputPerMTok: 3.75 });
    // Two separators is no number a person meant: refused, not guessed.
    expect(overrideFromDraft({ ...draft, input: '1.000,5' })).toBeNull();
  });

  it('sends a blank cached or write price as null (the fallback), and a typed one as a number', () => {
    const draft = { ...emptyPriceDraft, model: ' emu-1 ', input: '1', output: '2' };
    expect(overrideFromDraft(draft)).toEqual({
      model: 'emu-1',
      provider: 'openai',
      inputPerMTok: 1,
      cachedInputPerMTok: null,
      cacheWritePerMTok: null,
      outputPerMTok: 2,
    });
    expect(overrideFromDraft({ ...draft, cached: '0.1', write: '1.5' })).toMatchObject({
      cachedInputPerMTok: 0.1,
      cacheWritePerMTok: 1.5,
    });
  });

  it.each([
    ['a negative write price', { write: '-1' }],
    ['a write price that is not a number', { write: 'abc' }],
    ['a blank input price', { input: '' }],
    ['a blank model id', { model: '  ' }],
  ])('refuses %s', (_label, change) => {
    const draft = { ...emptyPriceDraft, model: 'emu-1', input: '1', output: '2', ...change };
    expect(overrideFromDraft(draft)).toBeNull();
  });

  it('says what a blank write price means for each billing style', () => {
    const write = priceFields.find((f) => f.field === 'write')!;
    expect(write.blank?.('anthropic')).toBe('1.25× input');
    expect(write.blank?.('openai')).toBe('= input');
    expect(write.blank?.('gemini')).toBe('= input');
    expect(priceFields.map((f) => f.heading)).toEqual([
      'Input',
      'Cached input',
      'Cache write',
      'Output',
    ]);
  });
});
