import type { ConversationDetail, ConversationSettings } from '../../../shared/conversations';
import type { ValidRequestOf } from '../../../shared/ipc';
import type { ProviderProfile } from '../providers/types';

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

/** The panel's whole state as stored settings: blank or absent fields are cleared, not kept. */
function panelSettings(settings: NonNullable<SendRequest['settings']>) {
  return {
    model: settings.model,
    systemPrompt: settings.systemPrompt?.trim() ? settings.systemPrompt : null,
    parameters: settings.parameters,
  };
}

/** A new conversation's settings: the picked profile, and the panel's state when it was sent. */
export function newConversationSettings(
  profile: ProviderProfile,
  settings: SendRequest['settings'],
): ConversationSettings {
  if (settings) return { profileId: profile.id, ...panelSettings(settings) };
  return { profileId: profile.id, model: profile.defaultModel, systemPrompt: null, parameters: {} };
}

/** What a send changes in an existing conversation: the pick and the panel, when sent. */
export function settingsFromRequest(
  request: SendRequest,
  profileId: string | undefined,
): Partial<ConversationSettings> | null {
  if (!request.settings && !profileId) return null;
  return {
    ...(profileId ? { profileId } : {}),
    ...(request.settings ? panelSettings(request.settings) : {}),
  };
}
