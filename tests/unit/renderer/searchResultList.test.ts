/**
 * The built-in web_search result in the tool step: the model reads main's text as it is
 * (English, searchResultText.ts); the person sees the pages listed in their language, and the
 * text the model read folded beside them. Anything else stays a plain result.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { searchResultText } from '../../../src/main/core/search/searchResultText';
import { ToolStep } from '../../../src/renderer/src/features/chat/components/message/ToolStep';
import { setUiLanguage } from '../../../src/renderer/src/lib/i18n';
import type { ToolCallPart, ToolResultPart } from '../../../src/shared/messageParts';
import { shownSearchResults } from '../../../src/shared/searchResultShown';

const hits = [
  { title: 'Rust 1.0 released', url: 'https://blog.rust-lang.org/2015/05/15', snippet: 'Today…' },
  { title: 'A title\nover two lines', url: 'https://example.org/b', snippet: '' },
  { title: 'Third', url: 'https://example.org/c?q=1', snippet: 'One.\n\nTwo paragraphs.' },
];
const call: ToolCallPart = {
  type: 'tool-call',
  callId: 'c1',
  name: 'web_search',
  serverId: '@search',
  arguments: '{"query":"rust 1.0"}',
};
const resultOf = (content: string, extra: Partial<ToolResultPart> = {}): ToolResultPart => ({
  type: 'tool-result',
  callId: 'c1',
  content,
  isError: false,
  ...extra,
});
const step = (c: ToolCallPart, result: ToolResultPart) =>
  renderToStaticMarkup(createElement(ToolStep, { call: c, result, streaming: false }));

afterEach(() => {
  setUiLanguage('en');
});

describe('the web_search text read back into its pages', () => {
  it('gives back every page of the text main wrote, titles, URLs and snippets whole', () => {
    const text = searchResultText('Brave Search', 'rust "1.0"', hits);
    expect(shownSearchResults(text)).toEqual({ label: 'Brave Search', query: 'rust "1.0"', hits });
    expect(shownSearchResults(searchResultText('Tavily', 'nothing', []))).toEqual({
      label: 'Tavily',
      query: 'nothing',
      hits: [],
    });
  });

  it('anything else is not read as pages (another tool’s text, a cut one)', () => {
    expect(shownSearchResults('{"results": []}')).toBeNull();
    const text = searchResultText('Brave Search', 'q', hits);
    expect(shownSearchResults(text.slice(0, text.length - 10))).toBeNull();
  });
});

describe('the tool step', () => {
  it('lists the pages under a heading in German, the model’s text folded as it was', () => {
    setUiLanguage('de');
    const text = searchResultText('Brave Search', 'rust 1.0', hits);
    const html = step(call, resultOf(text));
    expect(html).toContain('3 Seiten von Brave Search zu „rust 1.0“');
    expect(html).toContain('[1]</span>');
    expect(html).toContain('https://blog.rust-lang.org/2015/05/15');
    expect(html).toContain('Der Text, den das Modell gelesen hat');
    // The model's words are still there, as they were: only folded.
    expect(html).toContain('Brave Search results for &quot;rust 1.0&quot;:');
    expect(html).not.toContain('>Ergebnis<');
  });

  it('in Chinese, and an empty search says so in the language', () => {
    setUiLanguage('zh-CN');
    expect(step(call, resultOf(searchResultText('Brave Search', 'rust 1.0', hits)))).toContain(
      'Brave Search 为“rust 1.0”找到 3 个页面',
    );
    expect(step(call, resultOf(searchResultText('Tavily', 'xyz', [])))).toContain(
      'Tavily 没有为“xyz”找到任何结果',
    );
  });

  it('an MCP tool of the same name, an error or a cut result stay as the tool returned them', () => {
    setUiLanguage('de');
    const text = searchResultText('Brave Search', 'rust 1.0', hits);
    const foreign = step({ ...call, serverId: 'my-mcp' }, resultOf(text));
    expect(foreign).toContain('Ergebnis');
    expect(foreign).not.toContain('Seiten von');
    expect(step(call, resultOf(text, { truncated: true }))).not.toContain('Seiten von');
    expect(step(call, resultOf('Brave Search could not be reached.', { isError: true }))).toContain(
      'Brave Search could not be reached.',
    );
  });
});
