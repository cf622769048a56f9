import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import {
  blockCacheLimit,
  cachedBlock,
  cachedWeight,
  clearBlockCache,
  rememberBlock,
} from '../../../src/renderer/src/components/markdown/blockCache';
import {
  finishedBlockNode,
  MarkdownBlock,
} from '../../../src/renderer/src/components/markdown/MarkdownBlock';

describe('the cache of rendered markdown blocks', () => {
  afterEach(() => clearBlockCache());

  it('gives back what a finished block rendered to, the same markup as rendering it afresh', () => {
    const text = '| a | b |\n|---|---|\n| 1 | $x^2$ |\n';
    const first = finishedBlockNode(text);
    expect(cachedWeight(text)).toBeGreaterThan(0);
    expect(finishedBlockNode(text)).toBe(first);
    const cachedMarkup = renderToStaticMarkup(
      createElement(MarkdownBlock, { text, finished: true }),
    );
    clearBlockCache();
    const fresh = renderToStaticMarkup(createElement(MarkdownBlock, { text, finished: true }));
    expect(cachedMarkup).toBe(fresh);
    expect(fresh).toContain('katex');
  });

  it('never keeps the open block of a streaming answer', () => {
    renderToStaticMarkup(createElement(MarkdownBlock, { text: 'still *growing', finished: false }));
    expect(cachedWeight('still *growing')).toBeUndefined();
  });

  it('drops the least recently used past its limit', () => {
    const share = blockCacheLimit / 3;
    rememberBlock('a', 'A', share);
    rememberBlock('b', 'B', share);
    rememberBlock('c', 'C', share);
    expect(cachedBlock('a')).toBe('A'); // now the most recent
    rememberBlock('d', 'D', share);
    expect(cachedWeight('b')).toBeUndefined();
    expect(cachedBlock('a')).toBe('A');
    expect(cachedBlock('c')).toBe('C');
    expect(cachedBlock('d')).toBe('D');
  });
});
