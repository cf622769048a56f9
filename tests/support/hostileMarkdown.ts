/**
 * Markdown shapes that hurt parsers, generated: runs of delimiters that never match, deep
 * nesting of every container, openers followed by closers, and mixtures, up to 200 KB. Each
 * shape carries a short description, so a failure names what it was.
 */
import fc from 'fast-check';

export interface HostileShape {
  description: string;
  text: string;
}

/** Pieces whose repetition is known to be costly somewhere in a markdown pipeline. */
const units = [
  '*a_',
  '_a*',
  '*',
  '**',
  '_',
  '~',
  '~~a',
  '[',
  ']',
  '![',
  '](',
  '[a](',
  ')',
  '>',
  '> ',
  '- ',
  '* ',
  '1. ',
  '  ',
  '\t',
  '`',
  '``a',
  '$',
  '$$',
  '<a ',
  '<!--',
  '|a',
  '| ',
  '&a',
  '&#',
  '\\',
  'a@b.',
  'www.',
  'http://',
  ':',
  '#',
  '***',
  '---\n',
  '```\n',
  '\n',
  '\n\n',
  '\n> ',
  '\n- ',
  'x ',
  'word ',
] as const;

const repeat = (unit: string, count: number) => unit.repeat(count);

/** `unit` repeated: the plain storm. */
const storm = fc
  .record({ unit: fc.constantFrom(...units), count: fc.integer({ min: 500, max: 60_000 }) })
  .map(({ unit, count }) => {
    const times = Math.max(1, Math.min(count, Math.floor(200_000 / unit.length)));
    return { description: `${JSON.stringify(unit)} x ${times}`, text: repeat(unit, times) };
  });

/** n openers, a letter, n closers: nesting by brackets, emphasis or code. */
const pit = fc
  .record({
    pair: fc.constantFrom(
      ['[', ']'],
      ['![', ']'],
      ['*', '*'],
      ['_', '_'],
      ['**', '**'],
      ['*_', '_*'],
      ['(', ')'],
      ['[a](', ')'],
      ['<', '>'],
      ['~~', '~~'],
      ['$', '$'],
    ),
    count: fc.integer({ min: 500, max: 100_000 }),
  })
  .map(({ pair: [open, close], count }) => {
    const times = Math.min(count, Math.floor(100_000 / open.length));
    return {
      description: `${JSON.stringify(open)} x ${times} + x + ${JSON.stringify(close)} x ${times}`,
      text: `${repeat(open, times)}x${repeat(close, times)}`,
    };
  });

/** Containers nested by lines: lists by indentation, quotes, mixtures, ordered lists. */
const nesting = fc
  .record({
    style: fc.constantFrom('list', 'quote', 'ordered', 'mixed', 'quote-list'),
    depth: fc.integer({ min: 12, max: 1_000 }),
  })
  .map(({ style, depth }) => {
    const line = (level: number) => {
      if (style === 'list') return `${'  '.repeat(level)}- item`;
      if (style === 'ordered') return `${'   '.repeat(level)}1. item`;
      if (style === 'quote') return `${'> '.repeat(level + 1)}quote`;
      if (style === 'quote-list') return `${'> - '.repeat(level + 1)}x`;
      return `${'  '.repeat(level)}${level % 2 ? '> ' : '- '}*a_ [b`;
    };
    const lines = [];
    for (let level = 0; level < depth; level++) lines.push(line(level));
    return { description: `${style} nested ${depth} deep`, text: lines.join('\n') };
  });

/** Two shapes one after the other, the way a long answer mixes normal text and a storm. */
const shape = fc.oneof(storm, pit, nesting);
const pair = fc.tuple(shape, shape).map(([a, b]) => ({
  description: `${a.description}, then ${b.description}`,
  text: `${a.text.slice(0, 100_000)}\n\n${b.text.slice(0, 100_000)}`,
}));

/** A fixed, reproducible sample (the seed is printed with any failure through the description). */
export function hostileShapes(count: number, seed: number): HostileShape[] {
  return fc.sample(fc.oneof(storm, pit, nesting, pair), { numRuns: count, seed });
}

/**
 * Plain prose of exactly `length` characters: what an answer of that size costs to show when
 * nothing in it is hostile, the baseline a hostile answer's cost is compared with.
 */
export function proseOfLength(length: number): string {
  const sentence = 'Plain words make a calm paragraph of ordinary prose. ';
  return sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length);
}
