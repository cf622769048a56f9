import type { ConversationDetail, ConversationSettings } from '../../../shared/conversations';
import type { ValidRequestOf } from '../../../shared/ipc';

type SendRequest = ValidRequestOf<'sendMessage'>;
export type ComposerChoices = Pick<SendRequest, 'model' | 'temperature' | 'maxTokens' | 'system'>;

/** The choices the composer sent with a message, or null when it sent none. */
export function composerChoices(request: SendRequest): ComposerChoices | null {
  const { model, temperature, maxTokens, system } = request;
  if (
    model === undefined &&
    temperature === undefined &&
    maxTokens === undefined &&
    system === undefined
  )
    return null;
  return { model, temperature, maxTokens, system };
}

/** The conversation's settings with the composer's choices laid over them. */
export function mergeChoices(
  conversation: ConversationDetail,
  choices: ComposerChoices,
): Partial<ConversationSettings> {
  const parameters = { ...conversation.parameters };
  if (choices.temperature !== undefined) parameters.temperature = choices.temperature;
  if (choices.maxTokens !== undefined) parameters.maxTokens = choices.maxTokens;
  return {
    ...(choices.model !== undefined ? { model: choices.model } : {}),
    ...(choices.system !== undefined ? { systemPrompt: choices.system || null } : {}),
    parameters,
  };
}
