import { memo, useMemo } from 'react';
import { highlightCode, languageLabel } from '../../lib/highlight';
import { CopyButton } from '../ui/CopyButton';
import { chunkHighlighted, chunkPlain, type CodeChunk } from './codeChunks';
import { useTranslation } from '../../lib/i18n';

interface CodeBlockProps {
  code: string;
  language: string;
  /** False while the block is still streaming: highlighting waits until it is finished. */
  highlight: boolean;
}

/** A fenced code block: language label, copy button, highlighted once finished. */
export const CodeBlock = memo(function CodeBlock({ code, language, highlight }: CodeBlockProps) {
  const { t } = useTranslation('chat');
  // Finished code in runs of lines (codeChunks.ts); a streaming block stays one text.
  const chunks = useMemo(() => {
    if (!highlight) return null;
    const html = highlightCode(code, language);
    return html === null
      ? { html: false, runs: chunkPlain(code) }
      : { html: true, runs: chunkHighlighted(html) };
  }, [code, language, highlight]);
  return (
    <figure className="code-block not-prose">
      <figcaption className="code-block-header">
        <span className="code-block-language">{languageLabel(language)}</span>
        <CopyButton text={code} label={t('copyCode')} className="code-block-copy" />
      </figcaption>
      {/* Same monospace text with or without spans: highlighting never changes the height. */}
      <pre tabIndex={0}>
        {chunks === null || (!chunks.html && chunks.runs.length === 1) ? (
          <code className="hljs">{code}</code>
        ) : chunks.runs.length === 1 ? (
          // Safe: highlight.js escapes the whole source; only its own <span class> tags remain.
          <code className="hljs" dangerouslySetInnerHTML={{ __html: chunks.runs[0]!.html }} />
        ) : (
          <code className="hljs">
            {chunks.runs.map((run, index) => (
              <CodeRun key={index} run={run} html={chunks.html} />
            ))}
          </code>
        )}
      </pre>
    </figure>
  );
});

/** One run of lines, its height known before it is laid out (1lh is one line). */
function CodeRun({ run, html }: { run: CodeChunk; html: boolean }) {
  const style = { containIntrinsicSize: `auto ${run.lines}lh` };
  return html ? (
    // Safe as above: highlight.js output cut between its tags, its own spans opened again.
    <span className="code-chunk" style={style} dangerouslySetInnerHTML={{ __html: run.html }} />
  ) : (
    <span className="code-chunk" style={style}>
      {run.html}
    </span>
  );
}
