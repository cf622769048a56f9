import { describe, expect, it } from 'vitest';
import { answerTurns, UNFINISHED_CALL } from '../../../src/main/core/chat/answerTurns';
import { foldAnswer } from '../../../src/shared/answerFold';
import { messagePartsSchema } from '../../../src/shared/messagePartSchema';
import type { MessagePart } from '../../../src/shared/messageParts';

const call = (callId: string): MessagePart => ({
  type: 'tool-call',
  callId,
  name: 'calc__add',
  arguments: '{}',
});
const result = (callId: string, content: string): MessagePart => ({
  type: 'tool-result',
  callId,
  content,
  isError: false,
});

describe('answerTurns', () => {
  it('makes one assistant turn per step, its results as tool turns after it', () => {
    const parts: MessagePart[] = [
      { type: 'reasoning', text: 'hmm' },
      { type: 'text', text: 'Let me add.' },
      call('a'),
      call('b'),
      result('a', '1'),
      result('b', '2'),
      call('c'),
      result('c', '3'),
      { type: 'text', text: 'Done.' },
    ];
    expect(answerTurns(parts)).toEqual([
      {
        role: 'assistant',
        content: 'Let me add.',
        toolCalls: [
          { callId: 'a', name: 'calc__add', arguments: '{}' },
          { callId: 'b', name: 'calc__add', arguments: '{}' },
        ],
      },
      { role: 'tool', callId: 'a', name: 'calc__add', content: '1', isError: false },
      { role: 'tool', callId: 'b', name: 'calc__add', content: '2', isError: false },
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ callId: 'c', name: 'calc__add', arguments: '{}' }],
      },
      { role: 'tool', callId: 'c', name: 'calc__add', content: '3', isError: false },
      { role: 'assistant', content: 'Done.' },
    ]);
  });

  it('gives a call that was stopped before its result an error result', () => {
    expect(answerTurns([call('a')]).at(-1)).toEqual({
      role: 'tool',
      callId: 'a',
      name: 'calc__add',
      content: UNFINISHED_CALL,
      isError: true,
    });
  });
});

describe('tool parts', () => {
  it('fold from tool events in order, a status marking its call', () => {
    const answer = foldAnswer([
      { type: 'text', text: 'Hi' },
      { type: 'toolCall', callId: 'a', name: 'x__y', arguments: '{}' },
      { type: 'toolStatus', callId: 'a', status: 'denied' },
      { type: 'toolResult', callId: 'a', content: 'no', isError: true },
      { type: 'text', text: 'Ok' },
    ]);
    expect(answer.parts).toEqual([
      { type: 'text', text: 'Hi' },
      { type: 'tool-call', callId: 'a', name: 'x__y', arguments: '{}', status: 'denied' },
      { type: 'tool-result', callId: 'a', content: 'no', isError: true },
      { type: 'text', text: 'Ok' },
    ]);
    expect(messagePartsSchema.safeParse(answer.parts).success).toBe(true);
  });

  it('refuse an import whose tool part is malformed', () => {
    expect(
      messagePartsSchema.safeParse([{ type: 'tool-result', callId: 'a', content: 'x' }]).success,
    ).toBe(false);
  });
});
