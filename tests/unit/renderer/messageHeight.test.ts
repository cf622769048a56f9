import { describe, expect, it } from 'vitest';
import { textParts } from '../../../src/shared/messageParts';
import type { ChatMessage } from '../../../src/renderer/src/features/chat/store/chatStore';
import {
  cachedMessageHeight,
  estimateMessageHeight,
} from '../../../src/renderer/src/features/chat/lib/messageHeight';
import { estimateBlockHeight } from '../../../src/renderer/src/components/markdown/blockHeight';

const message = (role: 'user' | 'assistant', text: string) =>
  ({ id: 'm', role, parts: textParts(text) }) as unknown as ChatMessage;

const prose = (n: number) =>
  Array.from({ length: n }, (_, i) => `Paragraph ${i}: ${'word '.repeat(60)}`).join('\n\n');

describe('a message height estimated from its text', () => {
  it('grows with the paragraphs, code lines, table rows and display math in an answer', () => {
    const width = 672;
    const short = estimateMessageHeight(message('assistant', prose(1)), width);
    const long = estimateMessageHeight(message('assistant', prose(40)), width);
    expect(long).toBeGreaterThan(short * 30);
    const code = '```ts\n' + 'const a = 1;\n'.repeat(100) + '```';
    expect(estimateMessageHeight(message('assistant', code), width)).toBeGreaterThan(1900);
    const table = '| a | b |\n|---|---|\n' + '| 1 | 2 |\n'.repeat(50);
    const rows = estimateMessageHeight(message('assistant', table), width);
    expect(rows).toBeGreaterThan(1500);
    expect(rows).toBeLessThan(2000);
    const math = Array.from({ length: 10 }, () => '$$\n\\frac{a}{b}\n$$').join('\n\n');
    expect(estimateMessageHeight(message('assistant', math), width)).toBeGreaterThan(600);
  });

  it('takes a narrower column for more lines, and a one-line question for a small bubble', () => {
    const text = prose(10);
    expect(estimateMessageHeight(message('assistant', text), 300)).toBeGreaterThan(
      estimateMessageHeight(message('assistant', text), 672) * 1.8,
    );
    expect(estimateMessageHeight(message('user', 'How should it retry?'), 672)).toBeLessThan(100);
  });

  it('keeps the estimate per message object and width', () => {
    const m = message('assistant', prose(5));
    const first = cachedMessageHeight(m, 672);
    expect(cachedMessageHeight(m, 672)).toBe(first);
    expect(cachedMessageHeight(m, 300)).toBeGreaterThan(first);
  });
});

describe('a block height estimated from its text (the placeholder of a block off screen)', () => {
  it('is its own lines: a paragraph by its length, a formula, a table by its rows', () => {
    const line = estimateBlockHeight('One short line.', 672);
    expect(line).toBe(26);
    expect(estimateBlockHeight('word '.repeat(50), 672)).toBe(3 * line);
    expect(estimateBlockHeight('$$\n\\frac{a}{b}\n$$', 672)).toBe(68);
    const table = '| a | b |\n|---|---|\n' + '| 1 | 2 |\n'.repeat(10);
    expect(estimateBlockHeight(table, 672)).toBe(11 * 33);
  });
});
