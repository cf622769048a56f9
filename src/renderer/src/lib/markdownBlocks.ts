/**
 * Splits a growing markdown message into top-level blocks, incrementally: blocks that are
 * finished are kept as they are (same strings, so memoized views never re-render) and only the
 * text after the last finished block is lexed again. This keeps each streamed chunk O(open block)
 * instead of O(message).
 */
import { Lexer, type Token } from 'marked';

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

/** Groups lexer tokens into blocks: each starts with a content token and takes the blank lines after it. */
function groupTokens(tokens: Token[]): string[] {
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

function lexBlocks(text: string): string[] {
  // Lexing without a shared state: reference links across blocks are rare in model output.
  return mergeOpenMath(groupTokens(Lexer.lex(text, { gfm: true })));
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
  const rest = text.slice(base.finishedLength);
  const closed = lexBlocks(rest).slice(0, -1);
  let length = 0;
  for (const block of closed) length += block.length;
  // The lexer's raw text can differ from the source at the very end (trailing spaces): the open
  // block is always the source itself, and closed blocks are kept only if they match it exactly.
  if (closed.length === 0 || !rest.startsWith(closed.join('')))
    return { ...base, text, open: rest };
  return {
    text,
    finished: [...base.finished, ...closed],
    finishedLength: base.finishedLength + length,
    open: rest.slice(length),
  };
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
