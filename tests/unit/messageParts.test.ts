import { describe, expect, it } from 'vitest';
import {
  appendDelta,
  messageText,
  partsFromFields,
  reasoningText,
  refusalText,
  textParts,
  type MessagePart,
} from '../../src/shared/messageParts';

describe('message parts', () => {
  it('appends a delta to the last part of its kind, a new kind after it, in order of arrival', () => {
    let parts: MessagePart[] = [];
    parts = appendDelta(parts, 'reasoning', 'Think');
    parts = appendDelta(parts, 'reasoning', 'ing.');
    parts = appendDelta(parts, 'text', 'Hel');
    parts = appendDelta(parts, 'text', 'lo');
    parts = appendDelta(parts, 'reasoning', 'More.');
    parts = appendDelta(parts, 'text', '!');
    expect(parts).toEqual([
      { type: 'reasoning', text: 'Thinking.' },
      { type: 'text', text: 'Hello' },
      { type: 'reasoning', text: 'More.' },
      { type: 'text', text: '!' },
    ]);
    expect(messageText(parts)).toBe('Hello!');
    expect(reasoningText(parts)).toBe('Thinking.More.');
    expect(refusalText(parts)).toBe('');
  });

  it('leaves the input list as it was and ignores an empty delta', () => {
    const parts: MessagePart[] = [{ type: 'text', text: 'a' }];
    const grown = appendDelta(parts, 'text', 'b');
    expect(parts).toEqual([{ type: 'text', text: 'a' }]);
    expect(grown).toEqual([{ type: 'text', text: 'ab' }]);
    expect(appendDelta(parts, 'refusal', '')).toEqual(parts);
  });

  it('builds parts from the old separate fields, thinking first, empty fields giving none', () => {
    expect(partsFromFields({ content: '', reasoning: '', refusal: '' })).toEqual([]);
    expect(partsFromFields({ content: 'Answer', reasoning: 'Why', refusal: '' })).toEqual([
      { type: 'reasoning', text: 'Why' },
      { type: 'text', text: 'Answer' },
    ]);
    expect(partsFromFields({ content: '', refusal: 'No.' })).toEqual([
      { type: 'refusal', text: 'No.' },
    ]);
    expect(textParts('')).toEqual([]);
    expect(textParts('héllo 👋')).toEqual([{ type: 'text', text: 'héllo 👋' }]);
  });
});
