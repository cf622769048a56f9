/**
 * The open chat's settings as the header selector and the chat settings panel show them: who
 * answers (profile and model) and the request's parameters. What is shown here is exactly what
 * the next message sends; an open conversation keeps every change at once, so a reload shows
 * what will be sent. A new chat starts from the start pick with every parameter cleared.
 */
import { create } from 'zustand';
import type { ChatParameters, ConversationDetail } from '../../../../../shared/conversations';
import type { RequestOf } from '../../../../../shared/ipc';
import type { ChatPick } from '../../../../../shared/profiles';
import type { ReasoningEffort } from '../../../../../shared/reasoning';
import { api } from '../../../lib/api';
import { i18n, ipcErrorText } from '../../../lib/i18n';
import { useChatStore } from './chatStore';
import { useSettingsStore } from '../../settings';

/** The panel's fields; null (or an empty prompt) means "not sent: the provider's default". */
export interface PanelValues {
  systemPrompt: string;
  temperature: number | null;
  topP: number | null;
  maxTokens: number | null;
  /** Sent only to models that take it (the adapters check again). */
  reasoningEffort: ReasoningEffort | null;
  /** The provider's own search tool; sent only where the profile offers it (webSearch.ts). */
  webSearch: boolean;
  /** Knowledge collections searched for each question (shared/knowledge.ts). */
  knowledge: string[];
  stream: boolean;
}

export interface ComposerSettings extends PanelValues {
  /** Null until the profiles are known (main then sends to its start pick). */
  profileId: string | null;
  model: string | null;
  /** True once the person picked in this new chat: the start pick no longer replaces it. */
  picked: boolean;
  /** Bumped whenever the values are replaced from outside (open, new chat, reset). */
  revision: number;
  setPick(pick: ChatPick): void;
  setValues(patch: Partial<PanelValues>): void;
  resetToDefaults(): void;
}

const cleared: PanelValues = {
  systemPrompt: '',
  temperature: null,
  topP: null,
  maxTokens: null,
  reasoningEffort: null,
  webSearch: false,
  knowledge: [],
  stream: true,
};

export const useComposerSettings = create<ComposerSettings>((set, get) => ({
  ...cleared,
  profileId: null,
  model: null,
  picked: false,
  revision: 0,
  setPick(pick) {
    set({ profileId: pick.profileId, model: pick.model, picked: true });
    persist({ withPick: true });
  },
  setValues(patch) {
    set(patch);
    persist({ withPick: false });
  },
  resetToDefaults() {
    set({ ...cleared, revision: get().revision + 1 });
    persist({ withPick: false });
  },
}));

function parametersOf(values: PanelValues): ChatParameters {
  return {
    ...(values.temperature !== null ? { temperature: values.temperature } : {}),
    ...(values.topP !== null ? { topP: values.topP } : {}),
    ...(values.maxTokens !== null ? { maxTokens: values.maxTokens } : {}),
    ...(values.reasoningEffort !== null ? { reasoningEffort: values.reasoningEffort } : {}),
    ...(values.webSearch ? { webSearch: true } : {}),
    ...(values.knowledge.length ? { knowledge: [...values.knowledge] } : {}),
    ...(values.stream ? {} : { stream: false }),
  };
}

/** The settings fields of sendMessage: the pick and the panel's whole state, blanks cleared. */
export function sendOptions(
  settings: ComposerSettings,
): Pick<RequestOf<'sendMessage'>, 'profileId' | 'settings'> {
  return {
    ...(settings.profileId ? { profileId: settings.profileId } : {}),
    settings: {
      model: settings.model,
      systemPrompt: settings.systemPrompt.trim() ? settings.systemPrompt : null,
      parameters: parametersOf(settings),
    },
  };
}

/** An open conversation keeps each change as it is made (a new chat keeps it until its send). */
function persist({ withPick }: { withPick: boolean }): void {
  const conversationId = useChatStore.getState().conversationId;
  if (!conversationId) return;
  const settings = useComposerSettings.getState();
  const { profileId, settings: sent } = sendOptions(settings);
  void api
    .updateConversationSettings({
      conversationId,
      ...(withPick && profileId ? { profileId } : {}),
      ...sent,
    })
    .then((result) => {
      if (!result.ok)
        useSettingsStore
          .getState()
          .notify(
            i18n.t('chat:settingsNotSaved', { reason: ipcErrorText(result.error) }),
            'warning',
          );
      else if (withPick) void useSettingsStore.getState().load();
    });
}

/** Shows an opened conversation's stored settings: what its next message will send. */
export function chatSettingsFromConversation(conversation: ConversationDetail): void {
  const snapshot = useSettingsStore.getState().snapshot;
  const own = snapshot?.profiles.find((p) => p.id === conversation.profileId);
  // A conversation from before profiles (or of a deleted one) answers from the default profile.
  const view = own ?? snapshot?.profiles.find((p) => p.isDefault);
  const { parameters } = conversation;
  useComposerSettings.setState((state) => ({
    profileId: view?.id ?? conversation.profileId,
    model: (own ? conversation.model : null) ?? view?.effectiveModel ?? conversation.model,
    picked: true,
    revision: state.revision + 1,
    systemPrompt: conversation.systemPrompt ?? '',
    temperature: parameters.temperature ?? null,
    topP: parameters.topP ?? null,
    maxTokens: parameters.maxTokens ?? null,
    reasoningEffort: parameters.reasoningEffort ?? null,
    webSearch: parameters.webSearch === true,
    knowledge: parameters.knowledge ?? [],
    stream: parameters.stream !== false,
  }));
}

/** A new chat: the start pick and no parameters; the profiles are reloaded for a fresher pick. */
export function chatSettingsForNewChat(): void {
  useComposerSettings.setState((state) => ({
    ...cleared,
    ...startPickOrNone(),
    picked: false,
    revision: state.revision + 1,
  }));
  void useSettingsStore.getState().load();
}

function startPickOrNone(): Pick<ComposerSettings, 'profileId' | 'model'> {
  const pick = useSettingsStore.getState().snapshot?.startPick;
  return pick ? { profileId: pick.profileId, model: pick.model } : { profileId: null, model: null };
}

/**
 * Keeps a new chat's pick on the start pick while the person has not chosen (profiles loading,
 * a server imported on first run, a key added), and off deleted profiles; call once.
 */
export function subscribeToChatSettings(): () => void {
  return useSettingsStore.subscribe((state, previous) => {
    if (state.snapshot === previous.snapshot || !state.snapshot) return;
    const settings = useComposerSettings.getState();
    const gone =
      settings.profileId !== null &&
      !state.snapshot.profiles.some((p) => p.id === settings.profileId);
    const conversationId = useChatStore.getState().conversationId;
    if (gone && conversationId) void useChatStore.getState().openConversation(conversationId);
    else if (gone || (!settings.picked && !conversationId))
      useComposerSettings.setState(startPickOrNone());
  });
}
