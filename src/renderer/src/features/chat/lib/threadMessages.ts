import type { ThreadMessage } from '../../../../../shared/conversations';
import type { ChatMessage } from '../store/chatStore';

/** A stored thread message as the chat view shows it. */
export function toChatMessage(message: ThreadMessage): ChatMessage {
  const chat: ChatMessage = {
    id: message.id,
    role: message.role === 'user' ? 'user' : 'assistant',
    parts: message.parts,
    streaming: message.status === 'streaming',
    versionIds: message.versionIds,
  };
  if (message.role === 'system') chat.summary = true;
  if (message.model) chat.model = message.model;
  if (message.profileId) chat.profileId = message.profileId;
  if (message.role === 'assistant') chat.streamed = message.parameters?.stream !== false;
  if (message.usage) chat.usage = message.usage;
  if (message.timing) chat.timing = message.timing;
  if (message.finishReason) chat.finishReason = message.finishReason;
  if (message.error) chat.error = message.error;
  return chat;
}
