import { create } from 'zustand';
import type { ChatStreamBatch } from '../../../shared/ipc';
import type { FinishReason, ProviderError, StreamTiming, Usage } from '../../../shared/stream';
import { api } from '../lib/api';
import { sendOptions, useComposerSettings } from './composerSettings';

export interface ChatMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  reasoning: string;
  streaming: boolean;
  model?: string;
  usage?: Usage;
  timing?: StreamTiming;
  finishReason?: FinishReason;
  error?: ProviderError;
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
  /*
   * Per-message actions. Until the conversations store (issue 5) gives main versions, edits and
   * deletes, these act on the view and send new turns; that issue swaps in the real calls here.
   */
  regenerate(assistantMessageId: string): Promise<boolean>;
  editAndResend(userMessageId: string, text: string): Promise<boolean>;
  continueAnswer(assistantMessageId: string): Promise<boolean>;
  deleteMessage(messageId: string): void;
}

// Batches can arrive before sendMessage's answer names their message: hold them until it does.
const earlyBatches = new Map<string, ChatStreamBatch[]>();

export const useChatStore = create<ChatState>((set, get) => ({
  conversationId: null,
  messages: [],
  activeStreamId: null,
  sendError: null,

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
    set({ conversationId: null, messages: [], activeStreamId: null, sendError: null });
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
          case 'metadata':
            if (event.model) {
              message.model = event.model;
              useComposerSettings.getState().rememberModel(event.model);
            }
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

  async regenerate(assistantMessageId) {
    const messages = get().messages;
    const index = messages.findIndex((m) => m.id === assistantMessageId);
    const prompt = messages.slice(0, index).findLast((m) => m.role === 'user');
    if (index === -1 || !prompt || get().activeStreamId) return false;
    return resendFrom(messages.indexOf(prompt), prompt.content);
  },

  async editAndResend(userMessageId, text) {
    const index = get().messages.findIndex((m) => m.id === userMessageId);
    if (index === -1 || !text.trim() || get().activeStreamId) return false;
    return resendFrom(index, text);
  },

  async continueAnswer(assistantMessageId) {
    if (!get().messages.some((m) => m.id === assistantMessageId)) return false;
    return get().send('Continue from exactly where your previous answer stopped.');
  },

  deleteMessage(messageId) {
    set((state) => ({ messages: state.messages.filter((m) => m.id !== messageId) }));
  },
}));

/** Drops the view from `index` on and sends `text` again (restored if the send is refused). */
async function resendFrom(index: number, text: string): Promise<boolean> {
  const before = useChatStore.getState().messages;
  useChatStore.setState({ messages: before.slice(0, index) });
  const sent = await useChatStore.getState().send(text);
  if (!sent) useChatStore.setState({ messages: before });
  return sent;
}

/** Feeds stream batches from main into the store; call once at startup. */
export function subscribeToStreams(): () => void {
  return api.on('chatStream', (batch) => useChatStore.getState().applyBatch(batch));
}
