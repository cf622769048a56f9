import { describe, expect, it } from 'vitest';
import { chunkText } from '../../../src/main/core/knowledge/chunkText';
import { ftsQuery, questionWords } from '../../../src/main/core/knowledge/hybridSearch';

/** A word a token: easy to reason about, and the chunker only needs a count. */
const count = (text: string) => text.split(/\s+/).filter(Boolean).length;
const words = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');

describe('chunkText', () => {
  it('packs short sections into one passage named by its first heading', () => {
    const text = '# Kettle\n\nIt boils.\n\n## Warranty\n\nFive years.\n\n## Care\n\nDry cloth.';
    expect(chunkText(text, { count, maxTokens: 100 })).toEqual([
      { heading: 'Kettle', text: expect.stringContaining('Five years.') },
    ]);
  });

  it('starts a new passage at a heading once the current one is half full, with overlap only within a section', () => {
    const text = `# A\n\n${words(60, 'a')}\n\n# B\n\n${words(30, 'b')}`;
    const chunks = chunkText(text, { count, maxTokens: 100, overlapTokens: 10 });
    expect(chunks.map((c) => c.heading)).toEqual(['A', 'B']);
    expect(chunks[1]!.text.startsWith('# B')).toBe(true);
  });

  it('keeps every passage within the budget, overlapping the one before', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => words(30, `p${i}w`)).join('\n\n');
    const chunks = chunkText(paragraphs, { count, maxTokens: 100, overlapTokens: 10 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(count(c.text)).toBeLessThanOrEqual(100);
    const lastOfFirst = chunks[0]!.text.split(/\s+/).at(-1)!;
    expect(chunks[1]!.text.split(/\s+/).slice(0, 10)).toContain(lastOfFirst);
    // Nothing is lost: every word of the text is in some passage.
    const all = new Set(chunks.flatMap((c) => c.text.split(/\s+/)));
    for (const w of paragraphs.split(/\s+/)) expect(all.has(w)).toBe(true);
  });

  it('cuts a paragraph longer than a passage at sentences, and an empty text gives none', () => {
    const long = Array.from({ length: 40 }, (_, i) => `Sentence ${i} has five words.`).join(' ');
    const chunks = chunkText(long, { count, maxTokens: 50, overlapTokens: 5 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(count(c.text)).toBeLessThanOrEqual(50);
    expect(chunkText('  \n\n ', { count })).toEqual([]);
  });
});

describe('questionWords and ftsQuery', () => {
  it('quotes each word so FTS5 syntax in a question is only words', () => {
    expect(ftsQuery(questionWords('What is "NEAR" AND -x? a'))).toBe('"near"');
    expect(ftsQuery(questionWords('What is it'))).toBe('"what" OR "is" OR "it"');
    expect(ftsQuery(questionWords('?!'))).toBeNull();
  });
});
