import { useEffect, useState } from 'react';
import { renderCost, blockBudget } from '../../lib/markdownBudget';
import { closeOpenInline, openFence, splitBlocks } from '../../lib/markdownBlocks';
import { CodeBlock } from './CodeBlock';
import { MarkdownBlock } from './MarkdownBlock';

interface StreamingMarkdownProps {
  text: string;
  streaming: boolean;
}

/** What one task may spend on new blocks: a long answer opened at once renders over several. */
const taskBudget = 1.25 * blockBudget;

/** How many of `blocks` to show: those shown already, and the next ones this task can afford. */
function affordable(blocks: string[], shown: number): number {
  let count = shown;
  let spent = 0;
  while (count < blocks.length) {
    spent += renderCost(blocks[count]!);
    if (spent > taskBudget && count > shown) break;
    count++;
  }
  return count;
}

/**
 * Markdown that grows while it streams: finished blocks keep their key and string, so their
 * memoized views are skipped; only the open (last) block renders again on each chunk. More new
 * blocks than one task can afford (a long answer opened from history) appear over several tasks,
 * so the window keeps answering meanwhile.
 */
export function StreamingMarkdown({ text, streaming }: StreamingMarkdownProps) {
  // The previous split is state so the next one can reuse it (React's "derive from previous" pattern).
  const [stored, setStored] = useState(() => splitBlocks(text));
  let blocks = stored;
  if (stored.text !== text) {
    blocks = splitBlocks(text, stored);
    setStored(blocks);
  }
  const [shown, setShown] = useState(0);
  const [nextTask, setNextTask] = useState(0);
  const count = affordable(blocks.finished, Math.min(shown, blocks.finished.length));
  if (count !== shown) setShown(count);
  const complete = count === blocks.finished.length;
  useEffect(() => {
    if (complete) return;
    const timer = setTimeout(() => setNextTask((n) => n + 1), 0);
    return () => clearTimeout(timer);
  }, [complete, count, nextTask]);

  const openIndex = blocks.finished.length;
  // The open block of a streaming code answer grows by lines: show it without parsing it again.
  const fence = streaming && complete ? openFence(blocks.open) : null;
  return (
    <div className="markdown">
      {blocks.finished.slice(0, count).map((block, index) => (
        <MarkdownBlock key={index} text={block} finished />
      ))}
      {!complete ? null : fence ? (
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
