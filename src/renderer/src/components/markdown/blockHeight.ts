/**
 * Heights estimated from markdown text, before it is laid out: for the virtualized list's
 * messages (messageHeight.ts) and for each finished block's placeholder while it is off screen
 * (StreamingMarkdown's `contain-intrinsic-size`). The figures are the app's styles (markdown.css:
 * 16/26 px prose, 12 px between blocks; code 20 px a line) at the list's width; table rows and
 * display math as measured in the long-chat bench page.
 */

const proseLinePx = 26;
/** Between two blocks (`.markdown > * + *`). */
export const blockGapPx = 12;
const codeLinePx = 20;
/** A fenced block's header (language, copy) and padding. */
const codeChromePx = 44;
const tableRowPx = 33;
/** A `$$` block: KaTeX's formula and its padding (its margins are its wrapper's, markdown.css). */
const displayMathPx = 68;
const headingPx = 40;
/** Average width of a prose character at 16 px in the system font. */
const charPx = 6.8;

export interface Tally {
  height: number;
  blocks: number;
}

/** Height of a run of prose lines (one paragraph or list) at `charsPerLine`. */
export function proseHeight(lines: string[], charsPerLine: number): number {
  return lines.reduce(
    (sum, line) => sum + Math.max(1, Math.ceil(line.length / charsPerLine)) * proseLinePx,
    0,
  );
}

/** Walks the text line by line: fences, display math, table rows, headings, prose. */
export function tallyMarkdown(text: string, charsPerLine: number): Tally {
  const tally: Tally = { height: 0, blocks: 0 };
  let paragraph: string[] = [];
  let fence: string | null = null;
  let math = false;
  let table = false;
  const endParagraph = () => {
    if (paragraph.length === 0) return;
    tally.height += proseHeight(paragraph, charsPerLine);
    tally.blocks++;
    paragraph = [];
  };
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const wasTable = table;
    table = fence === null && !math && trimmed.startsWith('|');
    if (fence !== null) {
      if (trimmed.startsWith(fence)) fence = null;
      else tally.height += codeLinePx;
    } else if (math) {
      if (trimmed.endsWith('$$')) math = false;
    } else if (/^(```|~~~)/.test(trimmed)) {
      endParagraph();
      fence = trimmed.slice(0, 3);
      tally.height += codeChromePx;
      tally.blocks++;
    } else if (trimmed.startsWith('$$')) {
      endParagraph();
      math = !(trimmed.length > 2 && trimmed.endsWith('$$'));
      tally.height += displayMathPx;
      tally.blocks++;
    } else if (trimmed.startsWith('|')) {
      // A row each (the separator row aside); one block for the whole table.
      if (!wasTable) {
        endParagraph();
        tally.blocks++;
      }
      if (!/^\|[\s:|-]+\|?$/.test(trimmed)) tally.height += tableRowPx;
    } else if (trimmed.startsWith('#')) {
      endParagraph();
      tally.height += headingPx;
      tally.blocks++;
    } else if (trimmed === '') endParagraph();
    else paragraph.push(trimmed);
  }
  endParagraph();
  return tally;
}

/** Prose characters on one line of a text column `widthPx` wide. */
export function charsPerLineAt(widthPx: number): number {
  return Math.max(20, Math.floor(widthPx / charPx));
}

/** The estimated height in px of one markdown block (markdownBlocks' split) `widthPx` wide. */
export function estimateBlockHeight(text: string, widthPx: number): number {
  return tallyMarkdown(text, charsPerLineAt(widthPx)).height;
}
