import type { MessagePart } from './messageParts';
import type { StreamEvent } from './stream';

type ToolEvent = Extract<StreamEvent, { type: 'toolCall' | 'toolStatus' | 'toolResult' }>;

/** A tool event added to an answer's parts, as a new list (the renderer's twin of AnswerFold). */
export function foldToolEvent(parts: readonly MessagePart[], event: ToolEvent): MessagePart[] {
  switch (event.type) {
    case 'toolCall': {
      const { type: _event, ...call } = event;
      return [...parts, { type: 'tool-call', ...call }];
    }
    case 'toolResult': {
      const { type: _event, ...result } = event;
      return [...parts, { type: 'tool-result', ...result }];
    }
    case 'toolStatus':
      return parts.map((part) =>
        part.type === 'tool-call' && part.callId === event.callId
          ? { ...part, status: event.status }
          : part,
      );
  }
}
