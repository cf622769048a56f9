import { create } from 'zustand';
import type { ChatStreamBatch } from '../../../../../shared/ipc';
import { messageText, textParts, type MessagePart } from '../../../../../shared/messageParts';
import type {
  FinishReason,
  ProviderError,
  StreamTiming,
  Usage,
} from '../../../../../shared/stream';
import { api } from '../../../lib/api';
import { toChatMessage } from '../lib/threadMessages';
import {
  chatSettingsForNewChat,
  chatSettingsFromConversation,
  sendOptions,
  useComposerSettings,
} from './composerSettings';
import {
  applyStreamEvents,
  keepInBackground,
  markRead,
  noteActivity,
  parkStreaming,
  reattach,
  startingAnswer,
  takeEarly,
  useStreamActivity,
  type RetryNotice,
} from './streamSubscriptions';

export interface ChatMessage {
  id: string;
  role: 'user' | 'assistant';
  /** What it says, in order: text, thinking, a refusal in its own words (finishReason 'refusal'). */
  parts: MessagePart[];
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
  /** The request failed before any text and is being repeated (a 429): say so while it waits. */
  retry?: RetryNotice | undefined;
  /** False for one plain (non-streamed) response: it has no first token to time. */
  streamed?: boolean;
  /** Reload it from the store when it ends (opened mid-answer with its start missed, continued). */
  resyncOnFinish?: boolean;
}

interface ChatState {
  conversationId: string | null;
  messages: ChatMessage[];
  activeStreamId: string | null;
  /**
   * The chat whose answer is being started ('' for a new chat): from the click until main names
   * its stream, so Send, Regenerate and the version arrows are already off in that gap.
   */
  starting: string | null;
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

// Batches can arrive before sendMessage's answer names their message: what they brought is
// kept with the background answers, and taken from there when the placeholder goes in.
function placeholder(id: string, versionIds: string[], profileId?: string): ChatMessage {
  const early = takeEarly(id);
  const empty: ChatMessage = { id, role: 'assistant', parts: [], streaming: true };
  // Shown as streamed or not by what this chat's settings send (a plain answer's footer differs).
  const streamed = useComposerSettings.getState().stream;
  return { ...(early ?? empty), versionIds, streamed, ...(profileId ? { profileId } : {}) };
}

/** The stream writing in this conversation, if one is (it may have started while it was hidden). */
function streamOf(conversationId: string | null): string | null {
  if (!conversationId) return null;
  return useStreamActivity.getState().generating[conversationId] ?? null;
}

const startKey = (conversationId: string | null): string => conversationId ?? '';

/** Whether the chat on screen is writing an answer or starting one: no second one may start. */
export function selectBusy(state: ChatState): boolean {
  return state.activeStreamId !== null || state.starting === startKey(state.conversationId);
}

/**
 * Brackets the request that starts an answer in a chat. On success in the chat still shown, the
 * caller's own update clears `starting` together with setting the stream, so Send never flickers.
 */
async function startIn<T extends { ok: boolean }>(
  conversationId: string | null,
  work: () => Promise<T>,
): Promise<T> {
  const key = startKey(conversationId);
  useChatStore.setState({ starting: key });
  let handedOver = false;
  try {
    const result = await startingAnswer(work);
    handedOver = result.ok && useChatStore.getState().conversationId === conversationId;
    return result;
  } finally {
    if (!handedOver && useChatStore.getState().starting === key) {
      useChatStore.setState({ starting: null });
    }
  }
}

/**
 * A question sent after one whose answer failed with nothing takes that question's place
 * (main keeps the failed pair as an earlier version), as the thread will read after a reload.
 */
function afterFailedTurn(
  messages: ChatMessage[],
  newQuestionId: string,
): { kept: ChatMessage[]; versionIds?: string[] } {
  const answer = messages.at(-1);
  const question = messages.at(-2);
  const failedEmpty =
    answer?.role === 'assistant' &&
    !answer.streaming &&
    !messageText(answer.parts) &&
    (answer.finishReason === 'error' || answer.finishReason === 'cancelled');
  if (!failedEmpty || question?.role !== 'user') return { kept: messages };
  const versionIds = [...(question.versionIds ?? [question.id]), newQuestionId];
  return { kept: messages.slice(0, -2), versionIds };
}

/** Leaving the chat on screen: its running answer goes on in the background, never stopped. */
function leaveShownChat(): void {
  const { conversationId, messages } = useChatStore.getState();
  parkStreaming(conversationId, messages);
}

export const useChatStore = create<ChatState>((set, get) => ({
  conversationId: null,
  messages: [],
  activeStreamId: null,
  starting: null,
  sendError: null,
  focusMessageId: null,

  async send(text) {
    if (selectBusy(get())) return false;
    const conversationId = get().conversationId ?? undefined;
    const options = sendOptions(useComposerSettings.getState());
    const result = await startIn(get().conversationId, () =>
      api.sendMessage({ text, ...options, ...(conversationId ? { conversationId } : {}) }),
    );
    if (!result.ok) {
      set({ sendError: result.error.message });
      return false;
    }
    const ids = result.value;
    // The person moved to another chat while this one was being sent: it streams in the background.
    if (get().conversationId !== (conversationId ?? null)) return true;
    const answer = placeholder(ids.assistantMessageId, [ids.assistantMessageId], options.profileId);
    set((state) => {
      const { kept, versionIds } = afterFailedTurn(state.messages, ids.userMessageId);
      const question: ChatMessage = {
        id: ids.userMessageId,
        role: 'user',
        parts: textParts(text),
        streaming: false,
        ...(versionIds ? { versionIds } : {}),
      };
      return {
        conversationId: ids.conversationId,
        activeStreamId: answer.streaming ? ids.streamId : null,
        starting: null,
        sendError: null,
        messages: [...kept, question, answer],
      };
    });
    return true;
  },

  async stop() {
    const streamId = get().activeStreamId;
    if (streamId) await api.stopStream({ streamId });
  },

  newConversation() {
    leaveShownChat();
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
    if (get().conversationId !== conversationId) leaveShownChat();
    const messages = reattach(result.value.messages.map(toChatMessage));
    const streaming = messages.some((m) => m.streaming);
    markRead(conversationId);
    set({
      conversationId,
      messages,
      activeStreamId: streaming ? streamOf(conversationId) : null,
      sendError: null,
      focusMessageId: focusMessageId ?? null,
    });
    chatSettingsFromConversation(result.value.conversation);
    return true;
  },

  async selectVersion(messageId) {
    const conversationId = get().conversationId;
    if (!conversationId || selectBusy(get())) return;
    const result = await api.selectMessageVersion({ conversationId, messageId });
    if (result.ok) set({ messages: result.value.messages.map(toChatMessage) });
    else set({ sendError: result.error.message });
  },

  async regenerate(messageId) {
    const conversationId = get().conversationId;
    if (!conversationId || selectBusy(get())) return;
    const result = await startIn(conversationId, () =>
      api.regenerateMessage({ conversationId, messageId }),
    );
    if (!result.ok) return void set({ sendError: result.error.message });
    // Another chat came on screen meanwhile: the answer streams in the background.
    if (get().conversationId !== conversationId) return;
    const ids = result.value;
    set((state) => {
      const index = state.messages.findIndex((m) => m.id === messageId);
      const old = state.messages[index];
      const kept = index === -1 ? state.messages : state.messages.slice(0, index);
      const versionIds = [...(old?.versionIds ?? [messageId]), ids.assistantMessageId];
      return {
        activeStreamId: ids.streamId,
        starting: null,
        sendError: null,
        messages: [...kept, placeholder(ids.assistantMessageId, versionIds)],
      };
    });
  },

  async editAndResend(messageId, text) {
    const conversationId = get().conversationId;
    if (!conversationId || selectBusy(get())) return;
    const result = await startIn(conversationId, () =>
      api.editMessage({ conversationId, messageId, text }),
    );
    if (!result.ok) return void set({ sendError: result.error.message });
    // Another chat came on screen meanwhile: the answer streams in the background.
    if (get().conversationId !== conversationId) return;
    const ids = result.value;
    set((state) => {
      const index = state.messages.findIndex((m) => m.id === messageId);
      const old = state.messages[index];
      const kept = index === -1 ? state.messages : state.messages.slice(0, index);
      const user: ChatMessage = {
        id: ids.userMessageId,
        role: 'user',
        parts: textParts(text),
        streaming: false,
        versionIds: [...(old?.versionIds ?? [messageId]), ids.userMessageId],
      };
      return {
        activeStreamId: ids.streamId,
        starting: null,
        sendError: null,
        messages: [...kept, user, placeholder(ids.assistantMessageId, [ids.assistantMessageId])],
      };
    });
  },

  async continueAnswer(messageId) {
    const conversationId = get().conversationId;
    if (!conversationId || selectBusy(get())) return;
    const result = await startIn(conversationId, () =>
      api.continueMessage({ conversationId, messageId }),
    );
    if (!result.ok) return void set({ sendError: result.error.message });
    // Another chat came on screen meanwhile: the answer streams in the background.
    if (get().conversationId !== conversationId) return;
    set((state) => ({
      activeStreamId: result.value.streamId,
      starting: null,
      sendError: null,
      messages: state.messages.map((m) =>
        m.id === messageId
          ? // Reloaded at its end: the store adds both calls up into the whole answer's figures.
            {
              ...m,
              streaming: true,
              finishReason: undefined,
              error: undefined,
              resyncOnFinish: true,
            }
          : m,
      ),
    }));
  },

  async deleteMessage(messageId) {
    const conversationId = get().conversationId;
    if (!conversationId || selectBusy(get())) return;
    const result = await api.deleteMessage({ conversationId, messageId });
    if (result.ok) set({ messages: result.value.messages.map(toChatMessage), sendError: null });
    else set({ sendError: result.error.message });
  },

  applyBatch(batch) {
    const index = get().messages.findIndex((m) => m.id === batch.messageId);
    if (index === -1) return keepInBackground(batch);
    const message = applyStreamEvents(get().messages[index]!, batch.events);
    set((state) => {
      const messages = state.messages.slice();
      messages[index] = message;
      // A chat opened mid-answer learns its stream from the first batch it sees.
      if (message.streaming) return { messages, activeStreamId: batch.streamId };
      const ended = state.activeStreamId === batch.streamId;
      return { messages, activeStreamId: ended ? null : state.activeStreamId };
    });
    // Reloaded from the store when its start was missed, or to learn which profile failed.
    const reload = message.resyncOnFinish || (message.error !== undefined && !message.profileId);
    if (!message.streaming && reload) void get().openConversation(batch.conversationId);
  },
}));

/** Feeds stream batches from main into the store; call once at startup. */
export function subscribeToStreams(): () => void {
  return api.on('chatStream', (batch) => {
    noteActivity(batch, useChatStore.getState().conversationId);
    useChatStore.getState().applyBatch(batch);
  });
}
