import { create } from 'zustand';
import type { ChatStreamBatch } from '../../../shared/ipc';
import type { FinishReason, ProviderError, StreamTiming, Usage } from '../../../shared/stream';
import { api } from '../lib/api';
import { toChatMessage } from '../lib/threadMessages';
import {
  chatSettingsForNewChat,
  chatSettingsFromConversation,
  sendOptions,
  useComposerSettings,
} from './composerSettings';

export interface ChatMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  reasoning: string;
  /** The model declined: its reason in its own words (finishReason 'refusal'). */
  refusal?: string;
  streaming: boolean;
  model?: string;
  /** The profile that answered (shown beside the model). */
  profileId?: string;
  usage?: Usage;
  timing?: StreamTiming;
  finishReason?: FinishReason;
  error?: ProviderError;
  /** Every version at this place in the thread (regenerated answers, edited questions), oldest first. */
  versionIds?: string[];
}

interface ChatState {
  conversationId: string | null;
  messages: ChatMessage[];
  activeStreamId: string | null;
  /** A failure to start a send at all (the app did not accept it), shown above the composer. */
  sendError: string | null;
  send(text: string): Promise<boolean>;
  stop(): Promise<void>;
  newConversation(): void;
  applyBatch(batch: ChatStreamBatch): void;
  // --- Stored conversations (store issue) ---
  /** The message to bring into view once a conversation opens (from search). */
  focusMessageId: string | null;
  openConversation(conversationId: string, focusMessageId?: string): Promise<boolean>;
  selectVersion(messageId: string): Promise<void>;
  regenerate(messageId: string): Promise<void>;
  editAndResend(messageId: string, text: string): Promise<void>;
  continueAnswer(messageId: string): Promise<void>;
  deleteMessage(messageId: string): Promise<void>;
}

// Batches can arrive before sendMessage's answer names their message: hold them until it does.
const earlyBatches = new Map<string, ChatStreamBatch[]>();

function placeholder(id: string, versionIds: string[]): ChatMessage {
  return { id, role: 'assistant', content: '', reasoning: '', streaming: true, versionIds };
}

function flushEarly(messageId: string): void {
  const early = earlyBatches.get(messageId) ?? [];
  earlyBatches.delete(messageId);
  early.forEach((batch) => useChatStore.getState().applyBatch(batch));
}

export const useChatStore = create<ChatState>((set, get) => ({
  conversationId: null,
  messages: [],
  activeStreamId: null,
  sendError: null,
  focusMessageId: null,

  async send(text) {
    if (get().activeStreamId) return false;
    const conversationId = get().conversationId ?? undefined;
    const options = sendOptions(useComposerSettings.getState());
    const result = await api.sendMessage({
      text,
      ...options,
      ...(conversationId ? { conversationId } : {}),
    });
    if (!result.ok) {
      set({ sendError: result.error.message });
      return false;
    }
    const ids = result.value;
    set((state) => ({
      conversationId: ids.conversationId,
      activeStreamId: ids.streamId,
      sendError: null,
      messages: [
        ...state.messages,
        { id: ids.userMessageId, role: 'user', content: text, reasoning: '', streaming: false },
        {
          id: ids.assistantMessageId,
          role: 'assistant',
          content: '',
          reasoning: '',
          streaming: true,
          versionIds: [ids.assistantMessageId],
          ...(options.profileId ? { profileId: options.profileId } : {}),
        },
      ],
    }));
    const early = earlyBatches.get(ids.assistantMessageId) ?? [];
    earlyBatches.delete(ids.assistantMessageId);
    early.forEach((batch) => get().applyBatch(batch));
    return true;
  },

  async stop() {
    const streamId = get().activeStreamId;
    if (streamId) await api.stopStream({ streamId });
  },

  newConversation() {
    if (get().activeStreamId) void get().stop();
    set({
      conversationId: null,
      messages: [],
      activeStreamId: null,
      sendError: null,
      focusMessageId: null,
    });
    chatSettingsForNewChat();
  },

  async openConversation(conversationId, focusMessageId) {
    let result = await api.getConversation({ conversationId });
    // A search hit may sit on another version than the one shown: switch to the hit's branch.
    if (
      result.ok &&
      focusMessageId &&
      !result.value.messages.some((m) => m.id === focusMessageId)
    ) {
      result = await api.selectMessageVersion({ conversationId, messageId: focusMessageId });
    }
    if (!result.ok) {
      set({ sendError: result.error.message });
      return false;
    }
    if (get().activeStreamId && get().conversationId !== conversationId) void get().stop();
    const streaming = result.value.messages.some((m) => m.status === 'streaming');
    set({
      conversationId,
      messages: result.value.messages.map(toChatMessage),
      activeStreamId: streaming ? get().activeStreamId : null,
      sendError: null,
      focusMessageId: focusMessageId ?? null,
    });
    chatSettingsFromConversation(result.value.conversation);
    return true;
  },

  async selectVersion(messageId) {
    const conversationId = get().conversationId;
    if (!conversationId || get().activeStreamId) return;
    const result = await api.selectMessageVersion({ conversationId, messageId });
    if (result.ok) set({ messages: result.value.messages.map(toChatMessage) });
    else set({ sendError: result.error.message });
  },

  async regenerate(messageId) {
    const conversationId = get().conversationId;
    if (!conversationId || get().activeStreamId) return;
    const result = await api.regenerateMessage({ conversationId, messageId });
    if (!result.ok) return void set({ sendError: result.error.message });
    const ids = result.value;
    set((state) => {
      const index = state.messages.findIndex((m) => m.id === messageId);
      const old = state.messages[index];
      const kept = index === -1 ? state.messages : state.messages.slice(0, index);
      const versionIds = [...(old?.versionIds ?? [messageId]), ids.assistantMessageId];
      return {
        activeStreamId: ids.streamId,
        sendError: null,
        messages: [...kept, placeholder(ids.assistantMessageId, versionIds)],
      };
    });
    flushEarly(ids.assistantMessageId);
  },

  async editAndResend(messageId, text) {
    const conversationId = get().conversationId;
    if (!conversationId || get().activeStreamId) return;
    const result = await api.editMessage({ conversationId, messageId, text });
    if (!result.ok) return void set({ sendError: result.error.message });
    const ids = result.value;
    set((state) => {
      const index = state.messages.findIndex((m) => m.id === messageId);
      const old = state.messages[index];
      const kept = index === -1 ? state.messages : state.messages.slice(0, index);
      const user: ChatMessage = {
        id: ids.userMessageId,
        role: 'user',
        content: text,
        reasoning: '',
        streaming: false,
        versionIds: [...(old?.versionIds ?? [messageId]), ids.userMessageId],
      };
      return {
        activeStreamId: ids.streamId,
        sendError: null,
        messages: [...kept, user, placeholder(ids.assistantMessageId, [ids.assistantMessageId])],
      };
    });
    flushEarly(ids.assistantMessageId);
  },

  async continueAnswer(messageId) {
    const conversationId = get().conversationId;
    if (!conversationId || get().activeStreamId) return;
    const result = await api.continueMessage({ conversationId, messageId });
    if (!result.ok) return void set({ sendError: result.error.message });
    set((state) => ({
      activeStreamId: result.value.streamId,
      sendError: null,
      messages: state.messages.map((m) =>
        m.id === messageId
          ? { ...m, streaming: true, finishReason: undefined, error: undefined }
          : m,
      ),
    }));
  },

  async deleteMessage(messageId) {
    const conversationId = get().conversationId;
    if (!conversationId || get().activeStreamId) return;
    const result = await api.deleteMessage({ conversationId, messageId });
    if (result.ok) set({ messages: result.value.messages.map(toChatMessage), sendError: null });
    else set({ sendError: result.error.message });
  },

  applyBatch(batch) {
    const index = get().messages.findIndex((m) => m.id === batch.messageId);
    if (index === -1) {
      earlyBatches.set(batch.messageId, [...(earlyBatches.get(batch.messageId) ?? []), batch]);
      return;
    }
    set((state) => {
      const messages = state.messages.slice();
      const message = { ...messages[index]! };
      let activeStreamId = state.activeStreamId;
      for (const event of batch.events) {
        switch (event.type) {
          case 'text':
            message.content += event.text;
            break;
          case 'reasoning':
            message.reasoning += event.text;
            break;
          case 'refusal':
            message.refusal = (message.refusal ?? '') + event.text;
            break;
          case 'metadata':
            if (event.model) message.model = event.model;
            break;
          case 'usage':
            message.usage = event.usage;
            break;
          case 'error':
            message.error = event.error;
            break;
          case 'finish':
            message.streaming = false;
            message.finishReason = event.finishReason;
            message.timing = event.timing;
            if (activeStreamId === batch.streamId) activeStreamId = null;
            break;
        }
      }
      messages[index] = message;
      return { messages, activeStreamId };
    });
  },
}));

/** Feeds stream batches from main into the store; call once at startup. */
export function subscribeToStreams(): () => void {
  return api.on('chatStream', (batch) => useChatStore.getState().applyBatch(batch));
}
