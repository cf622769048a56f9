import { describe, expect, it } from 'vitest';
import {
  chunkHighlighted,
  chunkPlain,
} from '../../../src/renderer/src/components/markdown/codeChunks';
import { highlightCode } from '../../../src/renderer/src/lib/highlight';

const text = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');

/** Whether every span the html opens it also closes, in order. */
function balanced(html: string): boolean {
  let depth = 0;
  for (const tag of html.match(/<\/?span[^>]*>/g) ?? []) {
    depth += tag.startsWith('</') ? -1 : 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

describe('a long code block in runs of lines', () => {
  const source = Array.from({ length: 95 }, (_, k) =>
    k === 40 ? '' : `  const step${k} = await client.call({ id: ${k} }); // <${k}>`,
  ).join('\n');

  it('keeps every line, each run well-formed, with its number of lines', () => {
    const html = highlightCode(source, 'ts')!;
    const runs = chunkHighlighted(html, 20);
    expect(runs.length).toBeGreaterThan(3);
    expect(runs.every((run) => balanced(run.html))).toBe(true);
    expect(runs.map((run) => text(run.html)).join('\n')).toBe(source);
    expect(runs.reduce((sum, run) => sum + run.lines, 0)).toBe(95);
    for (const run of runs) expect(text(run.html).split('\n')).toHaveLength(run.lines);
  });

  it('reopens a span cut in two (a comment over many lines) in the next run', () => {
    const comment = '/*\n' + 'a comment line\n'.repeat(30) + '*/\nconst x = 1;';
    const runs = chunkHighlighted(highlightCode(comment, 'ts')!, 10);
    expect(runs.length).toBeGreaterThan(2);
    for (const run of runs.slice(0, -1))
      expect(run.html.startsWith('<span class="hljs-comment">')).toBe(true);
    expect(runs.map((run) => text(run.html)).join('\n')).toBe(comment);
  });

  it('never ends a run on an empty line, which a block would not draw', () => {
    const gaps = Array.from({ length: 60 }, (_, k) => (k % 3 === 2 ? '' : `x${k}`)).join('\n');
    for (const runs of [chunkHighlighted(highlightCode(gaps, 'ts')!, 5), chunkPlain(gaps, 5)]) {
      expect(runs.map((run) => text(run.html)).join('\n')).toBe(gaps);
      for (const run of runs.slice(0, -1)) expect(text(run.html).endsWith('\n')).toBe(false);
      for (const run of runs.slice(0, -1)) expect(text(run.html).split('\n').at(-1)).not.toBe('');
      // Whole pixels at 19.5 px a line.
      for (const run of runs.slice(0, -1)) expect(run.lines % 2).toBe(0);
    }
  });

  it('leaves a short block whole', () => {
    expect(chunkHighlighted(highlightCode('a\nb', 'ts')!, 20)).toHaveLength(1);
    expect(chunkPlain('a\nb', 20)).toEqual([{ html: 'a\nb', lines: 2 }]);
  });
});
