import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { mountCost, renderCost } from '../../lib/markdownBudget';
import { cachedWeight } from './blockCache';
import { closeOpenInline, openFence, splitBlocks } from '../../lib/markdownBlocks';
import { takeFromTask } from '../../lib/taskBudget';
import { CodeBlock } from './CodeBlock';
import { finishedBlockNode, MarkdownBlock } from './MarkdownBlock';
import { estimateBlockHeight } from './blockHeight';

/** The chat list's text column (MessageList's default): what off-screen blocks are sized for. */
const estimateWidthPx = 672;
/**
 * Past this a block is laid out as usual: a block of hundreds of kilobytes (shown as plain text)
 * in a skipped box kept the window from switching conversations (hostileMarkdown.spec's fuzz).
 */
const lazyBlockMaxChars = 20_000;

/**
 * A finished block in its own box, laid out only near the view (`content-visibility: auto`,
 * markdown.css): a long answer mounted by a fast scroll styles and lays out the blocks that come
 * near the view in each frame, not all of them at once. Off screen it takes its height estimated
 * from its text, and once laid out its real one (`auto`), so the list's measures stay close.
 * A code block is never skipped whole: its runs of lines are (CodeBlock), with exact heights.
 */
const FinishedBlock = memo(function FinishedBlock({ text }: { text: string }) {
  if (text.length > lazyBlockMaxChars || /^\s*(```|~~~)/.test(text))
    return (
      <div className="md-block">
        <MarkdownBlock text={text} finished />
      </div>
    );
  const height = Math.round(estimateBlockHeight(text, estimateWidthPx));
  return (
    <div className="md-block md-lazy" style={{ containIntrinsicSize: `auto ${height}px` }}>
      <MarkdownBlock text={text} finished />
    </div>
  );
});

interface StreamingMarkdownProps {
  text: string;
  streaming: boolean;
}

/**
 * How many of `blocks` to show: those shown already, and the next ones the current task can
 * still afford (one budget for all views: see taskBudget.ts). Each new block is rendered here,
 * before the next is weighed, so the task's clock sees what each really cost (a KaTeX block
 * or a long table costs far more than its characters say); a block rendered before comes from
 * the cache at the cost of its elements alone.
 */
function affordable(blocks: string[], shown: number): number {
  let count = shown;
  while (count < blocks.length) {
    const block = blocks[count]!;
    const cached = cachedWeight(block);
    if (!takeFromTask(cached === undefined ? renderCost(block) : mountCost(cached))) break;
    if (cached === undefined) finishedBlockNode(block);
    count++;
  }
  return count;
}

/**
 * Markdown that grows while it streams: finished blocks keep their key and string, so their
 * memoized views are skipped; only the open (last) block renders again on each chunk. More new
 * blocks than one task can afford (long answers opened from history, or mounted by a fast scroll)
 * appear over several tasks, so the window keeps answering meanwhile.
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
  // Blocks added in a later task are laid out in that task: left to the next frame, their
  // layout would land in it, on top of what a fast scroll mounts there.
  const root = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (nextTask > 0) void root.current?.offsetHeight;
  }, [nextTask]);

  const openIndex = blocks.finished.length;
  // The open block of a streaming code answer grows by lines: show it without parsing it again.
  const fence = streaming && complete ? openFence(blocks.open) : null;
  return (
    <div ref={root} className="markdown">
      {blocks.finished.slice(0, count).map((block, index) => (
        <FinishedBlock key={index} text={block} />
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
