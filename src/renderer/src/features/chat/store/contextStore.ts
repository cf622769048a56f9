/**
 * The composer's context meter: how much of the model's window the next request uses (measured
 * in main, where the thread and the tokenizer are), the conversation's choice once it outgrows
 * the window, and the summary made on request.
 */
import { create } from 'zustand';
import type { ContextPolicy, ContextReport } from '../../../../../shared/context';
import type { AttachmentPart } from '../../../../../shared/messageParts';
import { api } from '../../../lib/api';
import { toChatMessage } from '../lib/threadMessages';
import { useChatStore } from './chatStore';
import { useComposerSettings } from './composerSettings';
import { ipcErrorText } from '../../../lib/i18n';

interface ContextState {
  report: ContextReport | null;
  summarizing: boolean;
  error: string | null;
  /** `attachments`: the draft's, as the composer will send them (counted too). */
  measure(draft: string, attachments?: readonly AttachmentPart[]): Promise<void>;
  choose(policy: ContextPolicy): Promise<void>;
  summarize(): Promise<void>;
  editSummary(messageId: string, text: string): Promise<void>;
}

/** Only the newest measurement is shown: an older one answering late is dropped. */
let asked = 0;
let lastDraft = '';
let lastAttachments: readonly AttachmentPart[] = [];

export const useContextStore = create<ContextState>((set, get) => ({
  report: null,
  summarizing: false,
  error: null,

  async measure(draft, attachments = lastAttachments) {
    lastDraft = draft;
    lastAttachments = attachments;
    const ticket = ++asked;
    const { conversationId } = useChatStore.getState();
    const settings = useComposerSettings.getState();
    const result = await api.measureContext({
      conversationId,
      draft,
      ...(attachments.length ? { attachments: [...attachments] } : {}),
      ...(settings.profileId ? { profileId: settings.profileId } : {}),
      ...(settings.model ? { model: settings.model } : {}),
      systemPrompt: settings.systemPrompt || null,
      ...(settings.maxTokens ? { maxTokens: settings.maxTokens } : {}),
      // The passages' room is held for the collections the composer will send with.
      knowledge: [...settings.knowledge],
    });
    if (ticket !== asked) return;
    set(result.ok ? { report: result.value } : { report: null });
  },

  async choose(policy) {
    const { conversationId } = useChatStore.getState();
    if (!conversationId) return;
    const result = await api.setContextPolicy({ conversationId, policy });
    set({ error: result.ok ? null : ipcErrorText(result.error) });
    if (policy === 'summary' && result.ok) await get().summarize();
    else await get().measure(lastDraft);
  },

  async summarize() {
    const { conversationId } = useChatStore.getState();
    if (!conversationId || get().summarizing) return;
    set({ summarizing: true, error: null });
    const result = await api.summarizeContext({ conversationId });
    set({ summarizing: false, error: result.ok ? null : ipcErrorText(result.error) });
    if (result.ok && useChatStore.getState().conversationId === conversationId)
      useChatStore.setState({ messages: result.value.messages.map(toChatMessage) });
    await get().measure(lastDraft);
  },

  async editSummary(messageId, text) {
    const { conversationId } = useChatStore.getState();
    if (!conversationId) return;
    const result = await api.editSummary({ conversationId, messageId, text });
    set({ error: result.ok ? null : ipcErrorText(result.error) });
    if (result.ok) useChatStore.setState({ messages: result.value.messages.map(toChatMessage) });
    await get().measure(lastDraft);
  },
}));

/** A request that will not fit, with nothing chosen that makes it fit: Send waits for a choice. */
export function selectContextBlocks(state: Pick<ContextState, 'report'>): boolean {
  const report = state.report;
  return !!report && !report.fits && report.policy !== 'recent';
}
