/**
 * A message's height estimated from its text, for the virtualized list before it has measured
 * the message. With one guess for all (160 px) a fast scroll into messages not yet seen took
 * the real 1–4k px answers for small ones: each frame mounted eight or more of them (their
 * layout alone over 50 ms), and each measure moved the content. A guess near the real height
 * mounts only what is near the view and keeps the scroll where it was. The blocks' figures are
 * blockHeight.ts'; an estimate only, replaced by the measure once the message has rendered.
 */
import { messageText } from '../../../../../shared/messageParts';
import type { ChatMessage } from '../store/chatStore';
import {
  blockGapPx,
  charsPerLineAt,
  proseHeight,
  tallyMarkdown,
} from '../../../components/markdown/blockHeight';

/** The user's bubble (padding) and the actions row under it. */
const userChromePx = 45;
/** The assistant's footer (model, actions). */
const answerChromePx = 12;

/** The estimated height in px of `message` in a list whose text column is `widthPx` wide. */
export function estimateMessageHeight(message: ChatMessage, widthPx: number): number {
  const text = messageText(message.parts);
  const charsPerLine = charsPerLineAt(widthPx);
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
