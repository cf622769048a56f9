import { useState } from 'react';
import { closeOpenInline, openFence, splitBlocks } from '../../lib/markdownBlocks';
import { CodeBlock } from './CodeBlock';
import { MarkdownBlock } from './MarkdownBlock';

interface StreamingMarkdownProps {
  text: string;
  streaming: boolean;
}

/**
 * Markdown that grows while it streams: finished blocks keep their key and string, so their
 * memoized views are skipped; only the open (last) block renders again on each chunk.
 */
export function StreamingMarkdown({ text, streaming }: StreamingMarkdownProps) {
  // The previous split is state so the next one can reuse it (React's "derive from previous" pattern).
  const [stored, setStored] = useState(() => splitBlocks(text));
  let blocks = stored;
  if (stored.text !== text) {
    blocks = splitBlocks(text, stored);
    setStored(blocks);
  }
  const openIndex = blocks.finished.length;
  // The open block of a streaming code answer grows by lines: show it without parsing it again.
  const fence = streaming ? openFence(blocks.open) : null;
  return (
    <div className="markdown">
      {blocks.finished.map((block, index) => (
        <MarkdownBlock key={index} text={block} finished />
      ))}
      {fence ? (
        <CodeBlock
          key={`fence${openIndex}`}
          code={fence.code}
          language={fence.language}
          highlight={false}
        />
      ) : (
        blocks.open && (
          <MarkdownBlock
            key={openIndex}
            text={streaming ? closeOpenInline(blocks.open) : blocks.open}
            finished={!streaming}
          />
        )
      )}
    </div>
  );
}
