import type { ChatStreamBatch } from '../../../../src/shared/ipc';
import type { ConversationThread, ThreadMessage } from '../../../../src/shared/conversations';
import type { ProfilesSnapshot } from '../../../../src/shared/profiles';
import { textParts } from '../../../../src/shared/messageParts';
import type { StreamEvent } from '../../../../src/shared/stream';

/** A stored message as main sends it, with only what the test cares about given. */
export function stored(
  id: string,
  role: 'user' | 'assistant',
  content: string,
  streaming = false,
): ThreadMessage {
  return {
    id,
    conversationId: 'c',
    parentId: null,
    role,
    parts: textParts(content),
    status: streaming ? 'streaming' : 'done',
    profileId: 'p1',
    model: 'm',
    parameters: null,
    finishReason: streaming ? null : 'stop',
    providerFinishReason: null,
    providerMessageId: null,
    usage: null,
    timing: null,
    error: null,
    createdAt: 0,
    updatedAt: 0,
    versionIds: [id],
  };
}

export function thread(conversationId: string, messages: ThreadMessage[]): ConversationThread {
  return {
    conversation: {
      id: conversationId,
      title: conversationId,
      pinned: false,
      createdAt: 0,
      updatedAt: 0,
      currentLeafId: messages.at(-1)?.id ?? null,
      profileId: 'p1',
      model: 'm',
      systemPrompt: null,
      parameters: {},
    },
    messages: messages.map((m) => ({ ...m, conversationId })),
  };
}

export const text = (t: string): StreamEvent => ({ type: 'text', text: t });
export const finish: StreamEvent = {
  type: 'finish',
  finishReason: 'stop',
  providerFinishReason: 'stop',
  timing: { ttftMs: 1, totalMs: 2 },
};

export function batch(
  conversationId: string,
  messageId: string,
  events: StreamEvent[],
  streamId = `s-${messageId}`,
): ChatStreamBatch {
  return { streamId, conversationId, messageId, events };
}

export const noProfiles: ProfilesSnapshot = {
  profiles: [],
  defaultProfileId: null,
  startPick: null,
  firstRun: false,
  keychain: { available: true } as ProfilesSnapshot['keychain'],
};
