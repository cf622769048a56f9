/**
 * Splits a growing markdown message into top-level blocks, incrementally: blocks that are
 * finished are kept as they are (same strings, so memoized views never re-render) and only the
 * text after the last finished block is lexed again. This keeps each streamed chunk O(open block)
 * instead of O(message).
 */
import { Lexer } from 'marked';
import { blockBudget, lexableText } from './markdownBudget';

export interface MarkdownBlocks {
  /** The text these blocks were made from. */
  text: string;
  /** Finished blocks: no later text can change them. */
  finished: string[];
  /** Characters of `text` covered by the finished blocks. */
  finishedLength: number;
  /** The last block, still open to change while the text grows ('' when none). */
  open: string;
}

export const emptyBlocks: MarkdownBlocks = { text: '', finished: [], finishedLength: 0, open: '' };

interface SourceToken {
  type: string;
  /** The token's own text in the source. */
  raw: string;
}

/** Groups lexer tokens into blocks: each starts with a content token and takes the blank lines after it. */
function groupTokens(tokens: SourceToken[]): string[] {
  const blocks: string[] = [];
  let leading = '';
  for (const token of tokens) {
    if (token.type === 'space') {
      if (blocks.length === 0) leading += token.raw;
      else blocks[blocks.length - 1] += token.raw;
    } else {
      blocks.push(leading + token.raw);
      leading = '';
    }
  }
  if (leading) blocks.push(leading);
  return blocks;
}

/** Display math ($$ … $$) may contain blank lines the lexer splits on: keep it one block. */
function mergeOpenMath(blocks: string[]): string[] {
  const merged: string[] = [];
  let pending: string | null = null;
  for (const block of blocks) {
    // `$$` inside a code block (a shell PID) is not math.
    const isCode = pending === null && /^\s*(```|~~~| {4})/.test(block);
    const current: string = pending === null ? block : pending + block;
    if (!isCode && (current.match(/\$\$/g)?.length ?? 0) % 2 === 1) pending = current;
    else {
      merged.push(current);
      pending = null;
    }
  }
  if (pending !== null) merged.push(pending);
  return merged;
}

/**
 * The top-level tokens of `text`, as slices of `text` itself. Only block structure is lexed
 * (inline markup is react-markdown's job), and on a copy no deeper than the nesting limit: the
 * lexer recurses once per level and re-reads every level's lines. Each token consumes exactly
 * its raw length, so the lengths map back onto the source.
 */
function topLevelTokens(text: string): SourceToken[] {
  // As Lexer.lex does: its block rules expect \n line ends.
  const source = text.replace(/\r\n|\r/g, '\n');
  const tokens = new Lexer({ gfm: true }).blockTokens(lexableText(source));
  let offset = 0;
  return tokens.map((token) => {
    const raw = source.slice(offset, offset + token.raw.length);
    offset += token.raw.length;
    return { type: token.type, raw };
  });
}

function lexBlocks(text: string): string[] {
  // Lexing without a shared state: reference links across blocks are rare in model output.
  return mergeOpenMath(groupTokens(topLevelTokens(text)));
}

/**
 * The lexer reads at most this much at a time, so a long message costs linear time: a block
 * longer than this costs more than `blockBudget` and is shown as plain text anyway.
 */
const lexWindow = blockBudget;

/** Where the next block can start after `from` whatever came before: a blank line, then a line
 * starting with a letter or digit at the margin (no list, quote, code or fence), outside a fence. */
function plainBlockEnd(text: string, from: number): number {
  let fence: string | null = null;
  let blank = false;
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, Math.min(end, start + 16));
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
    } else if (marker) fence = marker;
    else if (start >= from && blank && /^[\p{L}\p{N}]/u.test(line) && !/^\d+[.)]( |$)/.test(line))
      return start;
    blank = fence === null && line.trim() === '' && end - start < 16;
    start = end + 1;
  }
  return -1;
}

/**
 * `blocks` if they are the source itself: the lexer reads CR line ends as LF, and such text
 * then stays one open block, as it always did.
 */
function matching(rest: string, blocks: string[]): string[] {
  return rest.startsWith(blocks.join('')) ? blocks : [];
}

/** The closed blocks at the start of `rest`, lexing one window of it at most. */
function closedBlocks(rest: string): string[] {
  if (rest.length <= lexWindow) return matching(rest, lexBlocks(rest).slice(0, -1));
  const cut = rest.lastIndexOf('\n', lexWindow);
  const windowEnd = cut > 0 ? cut + 1 : lexWindow;
  const blocks = lexBlocks(rest.slice(0, windowEnd));
  if (blocks.length > 1) return matching(rest, blocks.slice(0, -1));
  // One block fills the window: it ends where no block can go on, if that has come yet.
  const end = plainBlockEnd(rest, windowEnd);
  return end < 0 ? [] : [rest.slice(0, end)];
}

/**
 * The blocks of `text`, reusing `previous` when `text` extends the text it was made from.
 * A block is finished once another block has started after it: the lexer only ever splits
 * where a later line cannot join the block before.
 */
export function splitBlocks(text: string, previous: MarkdownBlocks = emptyBlocks): MarkdownBlocks {
  if (text === previous.text) return previous;
  const extends_ = text.length >= previous.finishedLength && text.startsWith(previous.text);
  const base = extends_ ? previous : emptyBlocks;
  const finished = [...base.finished];
  let finishedLength = base.finishedLength;
  // Window by window: each lexing reads a bounded part, and each finishes at least one block.
  for (;;) {
    const rest = text.slice(finishedLength);
    const closed = closedBlocks(rest);
    let length = 0;
    for (const block of closed) length += block.length;
    if (closed.length === 0 || length === 0) break;
    finished.push(...closed);
    finishedLength += length;
  }
  return { text, finished, finishedLength, open: text.slice(finishedLength) };
}

/** All blocks of a message whose text will not grow any more. */
export function allBlocks(blocks: MarkdownBlocks): string[] {
  return blocks.open ? [...blocks.finished, blocks.open] : blocks.finished;
}

/**
 * Closes inline markers a streaming block left open (`**bold`, `` `code``) so the text shows
 * styled at once instead of flashing raw asterisks, then switching. Fences and math are left alone.
 */
export function closeOpenInline(block: string): string {
  if (/^\s*(```|~~~|\$\$)/.test(block)) return block;
  let closed = block.trimEnd();
  const ticks = closed.match(/`/g)?.length ?? 0;
  if (ticks % 2 === 1) return closed + '`';
  const strong = closed.match(/\*\*/g)?.length ?? 0;
  if (strong % 2 === 1 && !closed.endsWith('**')) closed += '**';
  const strike = closed.match(/~~/g)?.length ?? 0;
  if (strike % 2 === 1 && !closed.endsWith('~~')) closed += '~~';
  return closed;
}

/** A top-level fenced code block still being written: its language and the code so far. */
export function openFence(block: string): { language: string; code: string } | null {
  const match = /^(`{3,}|~{3,})([^\n`]*)\n/.exec(block);
  if (!match) return null;
  const [opening, fence = '', info = ''] = match;
  const body = block.slice(opening.length);
  // Closed already (the next block has not started yet): let markdown render it.
  if (new RegExp(`(^|\n) {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(body)) {
    return null;
  }
  return { language: info.trim().split(/\s+/)[0] ?? '', code: body.replace(/\n$/, '') };
}
