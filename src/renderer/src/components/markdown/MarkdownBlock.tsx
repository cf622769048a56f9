/**
 * One markdown block rendered with react-markdown (GFM, math with KaTeX). Raw HTML in model
 * output is shown as text, never parsed: no rehype-raw here, ever. Unsafe URLs (javascript:,
 * vbscript:, data:) are dropped by react-markdown's default urlTransform.
 */
import { memo, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { Element, ElementContent } from 'hast';
import { plainTextReason, renderCost } from '../../lib/markdownBudget';
import { cachedBlock, rememberBlock } from './blockCache';
import { CodeBlock } from './CodeBlock';
import { PlainTextBlock } from './PlainTextBlock';

const remarkPlugins = [remarkGfm, remarkMath];
// trust:false (the default) keeps \href{javascript:…} and \htmlData out; errors render as text.
const rehypePlugins: [typeof rehypeKatex, { throwOnError: boolean; strict: 'ignore' }][] = [
  [rehypeKatex, { throwOnError: false, strict: 'ignore' }],
];

/** The text inside `nodes`, in document order; a loop, not recursion, whatever the depth. */
function textOf(nodes: ElementContent[]): string {
  let text = '';
  const pending = [...nodes].reverse();
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'text') text += node.value;
    else if (node.type === 'element') pending.push(...[...node.children].reverse());
  }
  return text;
}

/** The code text and language of a `<pre><code class="language-x">` element. */
function codeOf(pre: Element | undefined): { code: string; language: string } {
  const code = pre?.children.find(
    (c): c is Element => c.type === 'element' && c.tagName === 'code',
  );
  const classes = code?.properties.className;
  const list = Array.isArray(classes) ? classes.map(String) : [];
  const language = list.find((c) => c.startsWith('language-'))?.slice('language-'.length) ?? '';
  const text = code ? textOf(code.children) : '';
  return { code: text.replace(/\n$/, ''), language };
}

function componentsFor(highlight: boolean): Components {
  return {
    pre: ({ node }) => <CodeBlock {...codeOf(node)} highlight={highlight} />,
    // Links open in the OS browser: main denies window.open and hands the URL over.
    // An unsafe URL arrives here emptied by urlTransform: show its text, not a link to nowhere.
    a: ({ node: _node, href, ...props }) =>
      href ? (
        <a {...props} href={href} target="_blank" rel="noopener noreferrer" />
      ) : (
        <span>{props.children}</span>
      ),
    // Remote images would call home from the page (and CSP blocks them): show a link instead.
    img: ({ src, alt }) =>
      typeof src === 'string' && src ? (
        <a href={src} target="_blank" rel="noopener noreferrer">
          {alt || 'image'}
        </a>
      ) : (
        <span>{alt}</span>
      ),
    table: ({ node: _node, ...props }) => (
      <div className="table-wrap" tabIndex={0}>
        <table {...props} />
      </div>
    ),
    // A task list box is a state to read, not a control: a disabled input would look greyed out.
    input: ({ checked }) => (
      <span
        role="img"
        aria-label={checked ? 'Done' : 'Not done'}
        className="task-box"
        data-checked={checked || undefined}
      >
        {checked ? '✓' : ''}
      </span>
    ),
  };
}

const finishedComponents = componentsFor(true);
const streamingComponents = componentsFor(false);

interface MarkdownBlockProps {
  text: string;
  /** True once no more text can arrive in this block. */
  finished: boolean;
}

/**
 * The rendering of a finished block: from the cache when it was rendered before, else parsed
 * now (and kept). A block the parsers would take too long over (or recurse too deep into) is
 * shown as plain text instead.
 */
export function finishedBlockNode(text: string): ReactNode {
  const cached = cachedBlock(text);
  if (cached !== undefined) return cached;
  const plainReason = plainTextReason(text);
  const node = plainReason ? (
    <PlainTextBlock text={text} reason={plainReason} />
  ) : (
    // Called, not mounted: react-markdown's Markdown is a pure function of its options.
    Markdown({
      remarkPlugins,
      rehypePlugins,
      components: finishedComponents,
      children: text,
    })
  );
  rememberBlock(text, node, renderCost(text));
  return node;
}

/**
 * Memoized on its text: a finished block is parsed once (and cached, see blockCache.ts); the
 * open block of a streaming answer is parsed on each render and not kept.
 */
export const MarkdownBlock = memo(function MarkdownBlock({ text, finished }: MarkdownBlockProps) {
  if (finished) return finishedBlockNode(text);
  const plainReason = plainTextReason(text);
  if (plainReason) return <PlainTextBlock text={text} reason={plainReason} />;
  return (
    <Markdown
      remarkPlugins={remarkPlugins}
      rehypePlugins={rehypePlugins}
      components={streamingComponents}
    >
      {text}
    </Markdown>
  );
});
