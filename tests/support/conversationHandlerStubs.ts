import { conversationChannels, type IpcHandlers } from '../../src/shared/ipc';
import { HandlerError } from '../../src/shared/result';

type ConversationChannel = keyof typeof conversationChannels;

/** Handlers for the conversation channels that answer "unavailable", for tests about other channels. */
export function conversationHandlerStubs(): Pick<IpcHandlers, ConversationChannel> {
  const stub = async (): Promise<never> => {
    throw new HandlerError('unavailable', 'not in this test');
  };
  return Object.fromEntries(
    Object.keys(conversationChannels).map((name) => [name, stub]),
  ) as unknown as Pick<IpcHandlers, ConversationChannel>;
}
