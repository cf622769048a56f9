import { describe, expect, it } from 'vitest';
import {
  allBlocks,
  closeOpenInline,
  openFence,
  splitBlocks,
  type MarkdownBlocks,
} from '../../../src/renderer/src/lib/markdownBlocks';
import { fixedAnswers } from '../../emulator/answers';

const sample = `${fixedAnswers['markdown-demo']}
Some text after, with a list:

1. first
2. second

   continued paragraph of the second item

- bullets
- more

$$
a^2 + b^2

= c^2
$$

\`\`\`bash
echo $$ is the PID
\`\`\`

Final paragraph
that spans two lines.
`;

/** Feeds `text` in chunks of `size` characters, as a stream would. */
function stream(text: string, size: number): MarkdownBlocks[] {
  const states: MarkdownBlocks[] = [];
  let state: MarkdownBlocks | undefined;
  for (let end = size; ; end += size) {
    state = splitBlocks(text.slice(0, Math.min(end, text.length)), state);
    states.push(state);
    if (end >= text.length) return states;
  }
}

describe('splitBlocks', () => {
  it('covers the text exactly: the blocks join back to it', () => {
    const blocks = allBlocks(splitBlocks(sample));
    expect(blocks.join('')).toBe(sample);
    expect(blocks.length).toBeGreaterThan(10);
  });

  it.each([1, 3, 7, 16, 64])(
    'streamed in chunks of %i, finished blocks never change afterwards',
    (size) => {
      const full = allBlocks(splitBlocks(sample));
      const states = stream(sample, size);
      for (const state of states) {
        // Every finished block is final: it is exactly the block a one-shot split makes there.
        expect(state.finished).toEqual(full.slice(0, state.finished.length));
        expect(state.finished.join('') + state.open).toBe(state.text);
      }
      expect(allBlocks(states.at(-1)!)).toEqual(full);
    },
  );

  it('keeps finished block strings identical between updates (memoized views skip them)', () => {
    const states = stream(sample, 32);
    for (let i = 1; i < states.length; i++) {
      const previous = states[i - 1]!.finished;
      previous.forEach((block, index) => expect(states[i]!.finished[index]).toBe(block));
    }
  });

  it('lexes only the tail: the work per chunk does not grow with the message', () => {
    const long = sample.repeat(20);
    let state = splitBlocks(long);
    const before = state.finished.length;
    state = splitBlocks(`${long}More text`, state);
    expect(state.finished.length).toBeGreaterThanOrEqual(before);
    expect(state.finishedLength).toBeGreaterThan(long.length * 0.9);
  });

  it('keeps display math with blank lines in one block, but not a shell $$ in code', () => {
    const blocks = allBlocks(splitBlocks(sample));
    expect(blocks.filter((b) => b.includes('a^2 + b^2'))[0]).toContain('= c^2');
    expect(blocks.find((b) => b.includes('echo $$'))).toMatch(/^```bash[\s\S]*```\n/);
  });

  it('starts over when the text is replaced rather than extended', () => {
    const first = splitBlocks('# One\n\nTwo\n\nThree');
    const next = splitBlocks('Different\n\ntext', first);
    expect(allBlocks(next)).toEqual(['Different\n\n', 'text']);
  });
});

describe('closeOpenInline', () => {
  it('closes bold, code and strike left open mid-stream', () => {
    expect(closeOpenInline('some **bold')).toBe('some **bold**');
    expect(closeOpenInline('call `fn(')).toBe('call `fn(`');
    expect(closeOpenInline('~~gone')).toBe('~~gone~~');
    expect(closeOpenInline('**done** and more')).toBe('**done** and more');
  });
  it('leaves fences and math alone', () => {
    expect(closeOpenInline('```js\nconst a = `x')).toBe('```js\nconst a = `x');
    expect(closeOpenInline('$$\n**x')).toBe('$$\n**x');
  });
});

describe('openFence', () => {
  it('reads a code block still being written', () => {
    expect(openFence('```ts\nconst a = 1;\nconst b')).toEqual({
      language: 'ts',
      code: 'const a = 1;\nconst b',
    });
  });
  it('is null once the fence is closed or for other blocks', () => {
    expect(openFence('```ts\nconst a = 1;\n```\n')).toBeNull();
    expect(openFence('Just text')).toBeNull();
  });
});
