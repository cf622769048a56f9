import { memo, useMemo } from 'react';
import { highlightCode, languageLabel } from '../../lib/highlight';
import { CopyButton } from '../ui/CopyButton';
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
  const html = useMemo(
    () => (highlight ? highlightCode(code, language) : null),
    [code, language, highlight],
  );
  return (
    <figure className="code-block not-prose">
      <figcaption className="code-block-header">
        <span className="code-block-language">{languageLabel(language)}</span>
        <CopyButton text={code} label={t('copyCode')} className="code-block-copy" />
      </figcaption>
      {/* Same monospace text with or without spans: highlighting never changes the height. */}
      <pre tabIndex={0}>
        {html === null ? (
          <code className="hljs">{code}</code>
        ) : (
          // Safe: highlight.js escapes the whole source; only its own <span class> tags remain.
          <code className="hljs" dangerouslySetInnerHTML={{ __html: html }} />
        )}
      </pre>
    </figure>
  );
});
