/**
 * What formatting a markdown block would cost, estimated by one linear pass, so that a block the
 * parsers would choke on is shown as plain text instead of freezing the page.
 *
 * The markdown libraries (marked for block splitting, micromark under react-markdown) are
 * superlinear on some shapes: nesting depth (each line re-checks every open container, and
 * their tree walks recurse once per level, so 2,000 `>` overflow the stack) and runs of
 * unmatched emphasis or bracket delimiters in one paragraph (each closer searches back through
 * every opener). The estimate charges for exactly those, in "character units": one unit is
 * about what micromark spends on one character of plain prose.
 */

/** Deeper than this, a block is not formatted (and the block splitter sees no deeper). */
export const maxNesting = 10;
/** A block estimated above this is shown as plain text: roughly 32 KB of prose. */
export const blockBudget = 32_000;
/** Per pair of delimiters in one paragraph: the quadratic search for openers. */
const delimiterWeight = 0.1;
/** Per line: the element it likely becomes (a list item, a row, a paragraph). */
const lineWeight = 8;
/** Per `&` or `\\`: each starts a character reference or escape attempt, several times dearer than a letter. */
const referenceWeight = 8;
/** Per list item: micromark's lists grow dearer with every item, and each is an element. */
const itemWeight = 40;
/** Per pair of items in one block: the superlinear part of list parsing. */
const itemPairWeight = 0.02;
/** Per block, whatever its size: setting up a parse and a component. */
export const blockOverhead = 200;
/** Per character of fenced code, which is not parsed for inline markup. */
const codeWeight = 0.25;

/** Characters that open or close inline constructs whose matching is quadratic. */
const isDelimiter = (code: number) =>
  code === 42 || // *
  code === 95 || // _
  code === 126 || // ~
  code === 91 || // [
  code === 93 || // ]
  code === 124 || // |
  code === 60; // <

const isDigit = (code: number) => code >= 48 && code <= 57;

interface LinePrefix {
  /** Containers (quote markers, list items, indentation levels) the line sits in. */
  depth: number;
  /** Index just past the container prefix. */
  contentStart: number;
  /** The line opens a list item. */
  item: boolean;
}

/** The end of a list marker (`-`, `*`, `+`, `1.`, `1)`) at `i`, or -1 when there is none. */
function listMarkerEnd(text: string, i: number, end: number): number {
  const code = text.charCodeAt(i);
  let next = i + 1;
  if (code !== 45 && code !== 42 && code !== 43) {
    if (!isDigit(code)) return -1;
    while (next < end && next - i < 9 && isDigit(text.charCodeAt(next))) next++;
    const close = text.charCodeAt(next);
    if (close !== 46 && close !== 41) return -1;
    next++;
  }
  const after = text.charCodeAt(next);
  return next >= end || after === 32 || after === 9 ? next : -1;
}

/** Reads the container prefix of the line `text[start, end)`. Two columns count as one level. */
function readPrefix(text: string, start: number, end: number): LinePrefix {
  let depth = 0;
  let columns = 0;
  let item = false;
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9) {
      columns += code === 9 ? 4 : 1;
      i++;
      continue;
    }
    depth += columns >> 1;
    columns = 0;
    if (code === 62) {
      depth++;
      i++;
      continue;
    }
    const markerEnd = listMarkerEnd(text, i, end);
    if (markerEnd < 0) break;
    depth++;
    item = true;
    i = markerEnd;
  }
  // Trailing whitespace opens nothing: a blank line stays blank whatever its spaces.
  return { depth, contentStart: i, item };
}

/** A fence opening or closing at `i`: its character and length, or null. */
function fenceAt(text: string, i: number, end: number): { char: number; length: number } | null {
  const char = text.charCodeAt(i);
  if (char !== 96 && char !== 126) return null;
  let length = 0;
  while (i + length < end && text.charCodeAt(i + length) === char) length++;
  return length >= 3 ? { char, length } : null;
}

/**
 * The text the block splitter may lex: the same length, but any line nested deeper than
 * `maxNesting` is blanked, so the lexer never goes deeper (it recurses once per level and
 * re-reads every level's lines). Such a line then trails the block before it, and that block,
 * judged on its real text by `plainTextReason`, is shown as plain text.
 */
export function lexableText(text: string): string {
  let out: string[] | null = null;
  let last = 0;
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (readPrefix(text, start, end).depth > maxNesting) {
      out ??= [];
      out.push(text.slice(last, start), ' '.repeat(end - start));
      last = end;
    }
    start = end + 1;
  }
  if (!out) return text;
  out.push(text.slice(last));
  return out.join('');
}

export type PlainTextReason = 'nesting' | 'size';

/** Why `block` should be shown as plain text, or null when formatting it is affordable. */
export function plainTextReason(block: string): PlainTextReason | null {
  const cost = formattingCost(block);
  return cost === Infinity ? 'nesting' : cost > blockBudget ? 'size' : null;
}

/** What showing `block` costs in character units, formatted or (past the budget) as plain text. */
export function renderCost(block: string): number {
  const cost = formattingCost(block);
  return blockOverhead + (cost === Infinity || cost > blockBudget ? block.length : cost);
}

/**
 * The estimated formatting cost of `block`; Infinity past the nesting limit. It stops counting
 * once past the budget, so judging a huge block costs no more than a budget's worth.
 */
function formattingCost(block: string): number {
  let cost = 0;
  let items = 0;
  let runDelimiters = 0;
  let fence: { char: number; length: number } | null = null;
  const endRun = () => {
    cost += delimiterWeight * runDelimiters * runDelimiters;
    runDelimiters = 0;
  };
  for (let start = 0; start <= block.length;) {
    let end = block.indexOf('\n', start);
    if (end < 0) end = block.length;
    cost += lineWeight;
    const prefix = readPrefix(block, start, end);
    const marker = fenceAt(block, prefix.contentStart, end);
    if (fence) {
      cost += codeWeight * (end - start);
      if (marker && marker.char === fence.char && marker.length >= fence.length) fence = null;
      start = end + 1;
      continue;
    }
    if (prefix.depth > maxNesting) return Infinity;
    if (prefix.item) {
      items++;
      cost += itemWeight + itemPairWeight * items * 2;
    }
    cost += end - start;
    cost += prefix.depth * prefix.depth;
    if (marker) fence = marker;
    // A paragraph (whose delimiters are matched together) ends at a blank line, a new item,
    // a heading or a table row.
    const headingOrBlank =
      prefix.contentStart >= end || block.charCodeAt(prefix.contentStart) === 35;
    if (prefix.item || headingOrBlank || marker) endRun();
    let pipes = false;
    for (let i = prefix.contentStart; i < end; i++) {
      const code = block.charCodeAt(i);
      if (isDelimiter(code)) runDelimiters++;
      else if (code === 38 || code === 92) cost += referenceWeight; // & \
      if (code === 124) pipes = true;
    }
    if (pipes) endRun();
    const pending = delimiterWeight * runDelimiters * runDelimiters;
    if (cost + pending > blockBudget) return cost + pending;
    start = end + 1;
  }
  endRun();
  return cost;
}

/** Share of a block's cost that mounting its cached rendering takes (elements, no parse). */
const mountShare = 0.25;

/** What mounting a cached rendering costs (its elements and their layout), by its `renderCost`. */
export function mountCost(cost: number): number {
  return blockOverhead + mountShare * (cost - blockOverhead);
}
