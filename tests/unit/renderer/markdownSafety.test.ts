import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarkdownBlock } from '../../../src/renderer/src/components/markdown/MarkdownBlock';
import { fixedAnswers } from '../../emulator/answers';

const render = (text: string) =>
  renderToStaticMarkup(createElement(MarkdownBlock, { text, finished: true }));

/** Every tag name and attribute in an HTML string (a rough but sufficient tokenizer for asserting). */
function tagsOf(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => `${m[1]}${m[2]}`);
}

describe('model output is rendered, never executed', () => {
  const html = render(fixedAnswers.xss!);
  const tags = tagsOf(html);

  it('shows raw HTML as text: no script, iframe, img or raw anchor element', () => {
    expect(
      tags.filter((t) => /^(script|iframe|object|embed|img|style|link|meta)\b/i.test(t)),
    ).toEqual([]);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;iframe');
  });

  it('leaves no event handler attribute and no javascript:/data: URL', () => {
    expect(tags.filter((t) => /\son[a-z]+=/i.test(t))).toEqual([]);
    expect(
      tags.filter((t) =>
        /(href|src|action|formaction|xlink:href)="\s*(javascript|vbscript|data):/i.test(t),
      ),
    ).toEqual([]);
  });

  it('renders safe links to open outside, with no opener', () => {
    const link = render('[docs](https://example.com/docs)');
    expect(link).toContain('href="https://example.com/docs"');
    expect(link).toContain('target="_blank"');
    expect(link).toContain('rel="noopener noreferrer"');
  });

  it('escapes code, highlighted or not', () => {
    const code = render('```html\n<script>alert(1)</script>\n```\n');
    expect(tagsOf(code).filter((t) => /^script/i.test(t))).toEqual([]);
    expect(code).toContain('&lt;');
    const unknown = render('```nosuchlang\n<img src=x onerror=alert(1)>\n```\n');
    expect(tagsOf(unknown).filter((t) => /^img/i.test(t))).toEqual([]);
  });
});
