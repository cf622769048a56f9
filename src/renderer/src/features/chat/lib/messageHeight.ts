/**
 * A message's height estimated from its text, for the virtualized list before it has measured
 * the message. With one guess for all (160 px) a fast scroll into messages not yet seen took
 * the real 1–4k px answers for small ones: each frame mounted eight or more of them (their
 * layout alone over 50 ms), and each measure moved the content. A guess near the real height
 * mounts only what is near the view and keeps the scroll where it was. The figures are the
 * app's styles (markdown.css: 16/26 px prose, 12 px between blocks; code 20 px a line) at the
 * list's width; an estimate only, replaced by the measure once the message has rendered.
 */
import { messageText } from '../../../../../shared/messageParts';
import type { ChatMessage } from '../store/chatStore';

const proseLinePx = 26;
const blockGapPx = 12;
const codeLinePx = 20;
/** A fenced block's header (language, copy) and padding. */
const codeChromePx = 44;
const tableRowPx = 34;
const displayMathPx = 60;
const headingPx = 40;
/** Average width of a prose character at 16 px in the system font. */
const charPx = 6.8;
/** The user's bubble (padding) and the actions row under it. */
const userChromePx = 45;
/** The assistant's footer (model, actions). */
const answerChromePx = 12;

interface Tally {
  height: number;
  blocks: number;
}

/** Height of a run of prose lines (one paragraph or list) at `charsPerLine`. */
function proseHeight(lines: string[], charsPerLine: number): number {
  return lines.reduce(
    (sum, line) => sum + Math.max(1, Math.ceil(line.length / charsPerLine)) * proseLinePx,
    0,
  );
}

/** Walks the text line by line: fences, display math, table rows, headings, prose. */
function tallyMarkdown(text: string, charsPerLine: number): Tally {
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

/** The estimated height in px of `message` in a list whose text column is `widthPx` wide. */
export function estimateMessageHeight(message: ChatMessage, widthPx: number): number {
  const text = messageText(message.parts);
  const charsPerLine = Math.max(20, Math.floor(widthPx / charPx));
  if (message.role === 'user') {
    const lines = text.split('\n');
    // The bubble is narrower than the column.
    return userChromePx + proseHeight(lines, Math.floor(charsPerLine * 0.8));
  }
  const tally = tallyMarkdown(text, charsPerLine);
  return answerChromePx + tally.height + Math.max(0, tally.blocks - 1) * blockGapPx;
}

/**
 * Estimates are kept below the real height: a message measured smaller than its guess above the
 * view moves the content up, which the follow hook takes for the person scrolling away from the
 * bottom (an opened chat would then stop short of its last message).
 */
const underEstimate = 0.85;

const estimates = new WeakMap<ChatMessage, { widthPx: number; height: number }>();

/**
 * The estimate, kept per message object (the list asks for every unmeasured message each time
 * a measure changes): a message that changes is a new object and is estimated again.
 */
export function cachedMessageHeight(message: ChatMessage, widthPx: number): number {
  const kept = estimates.get(message);
  if (kept && kept.widthPx === widthPx) return kept.height;
  const height = Math.round(underEstimate * estimateMessageHeight(message, widthPx));
  estimates.set(message, { widthPx, height });
  return height;
}
