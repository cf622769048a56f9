import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import {
  INPUT_TOKEN_LIMIT,
  withinInputLimit,
  wordCounter,
} from '../../../src/main/core/knowledge/passageTokens';
import { embeddable } from '../../../src/main/core/knowledge/readDocument';

const root = join(import.meta.dirname, '../../..');
/** Real prose, Markdown tables, lists and code: the repository's own documents. */
const paragraphs = ['docs/DESIGN.md', 'docs/ENGINE.md', 'README.md']
  .map((f) => readFileSync(join(root, f), 'utf8'))
  .join('\n\n')
  .split(/\n\s*\n/)
  .filter((p) => p.trim());

describe('wordCounter', () => {
  it('counts plain prose exactly as the tokenizer does', () => {
    const fast = wordCounter(countTokens);
    const prose =
      'The kettle boils water in two minutes. Its warranty lasts five years, in Europe.';
    expect(fast(prose)).toBe(countTokens(prose));
    const german = 'Der Wasserkocher kocht Wasser in zwei Minuten; die Garantie gilt fünf Jahre.';
    expect(fast(german)).toBe(countTokens(german));
  });

  it('never counts a real paragraph low, and stays near the exact count', () => {
    const fast = wordCounter(countTokens);
    let exact = 0;
    let counted = 0;
    for (const p of paragraphs) {
      expect(fast(p)).toBeGreaterThanOrEqual(countTokens(p));
      exact += countTokens(p);
      counted += fast(p);
    }
    expect(paragraphs.length).toBeGreaterThan(100);
    expect(counted / exact).toBeLessThan(1.1);
  });

  it("counts a special token's spelling as text instead of refusing the document", () => {
    expect(() => countTokens('ends <|endoftext|> here')).toThrow();
    const fast = wordCounter(countTokens);
    expect(fast('ends <|endoftext|> here')).toBeGreaterThanOrEqual(3);
  });
});

describe('withinInputLimit', () => {
  const input = (c: { heading: string | null; text: string }) => embeddable('doc.md', c);

  it('leaves passages that surely fit alone, without counting them', () => {
    const chunks = [{ heading: 'A', text: 'short text' }];
    const exact = () => {
      throw new Error('counted');
    };
    expect(withinInputLimit(chunks, input, exact)).toEqual(chunks);
  });

  it(`halves a passage the fast count misjudged until each half fits ${INPUT_TOKEN_LIMIT} tokens`, () => {
    // Digits with no spaces: a token every three of them, far more than words suggest.
    const text = Array.from({ length: 900 }, (_, i) => `${i * 7919}`.padStart(9, '0')).join('-');
    const safe = `${text} end`;
    expect(countTokens(input({ heading: 'H', text: safe }))).toBeGreaterThan(INPUT_TOKEN_LIMIT);
    const out = withinInputLimit([{ heading: 'H', text: safe }], input, countTokens);
    expect(out.length).toBeGreaterThan(1);
    for (const c of out) {
      expect(c.heading).toBe('H');
      expect(countTokens(input(c))).toBeLessThanOrEqual(INPUT_TOKEN_LIMIT);
    }
    // Nothing lost or doubled (spaces aside: a cut falls at one, or between two characters).
    const bare = (t: string) => t.replace(/\s/g, '');
    expect(bare(out.map((c) => c.text).join(''))).toBe(bare(safe));
  });
});

describe('wordCounter cuts', () => {
  it('before every kind of space JavaScript knows, as a split on \\s would', () => {
    const seen: string[] = [];
    const fast = wordCounter((w) => (seen.push(w), 1));
    const text = 'a b\tc\nd\u00a0e\u2003f\u3000g\ufeffh  i';
    expect(fast(text)).toBe(text.split(/(?=\s)/).length);
    expect(seen).toEqual(text.split(/(?=\s)/).filter((w, i, all) => all.indexOf(w) === i));
    expect(fast('')).toBe(0);
  });
});
