/**
 * Answers shaped to hurt a markdown renderer (`[answer=NAME]`): deep nesting, which overflowed
 * the stack, and delimiter storms, whose matching is quadratic in the parsers. Sizes as found
 * by probing: each of these once froze or blanked the chat view.
 */
const nestedList = (depth: number) =>
  Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- level ${level + 1}`).join(
    '\n',
  );

export const hostileAnswers: Record<string, string> = {
  /** 2,500 `>`: a blockquote 2,500 deep (the stack overflow that blanked the window). */
  'deep-quote': '>'.repeat(2_500),
  /** `*a_` 3,000 times (9 KB): no delimiter ever closes. */
  'emphasis-storm': '*a_'.repeat(3_000),
  /** The same, 60,000 times (180 KB). */
  'emphasis-flood': '*a_'.repeat(60_000),
  /** 100k `[`, `x`, 100k `]` (200 KB): nested link labels. */
  'bracket-pit': `${'['.repeat(100_000)}x${']'.repeat(100_000)}`,
  /** A list nested 600 deep, each level indented two more spaces. */
  'nested-list-600': nestedList(600),
};
