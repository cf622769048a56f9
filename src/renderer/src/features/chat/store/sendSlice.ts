import type { StateCreator } from 'zustand';
import { messageText, textParts } from '../../../../../shared/messageParts';
import { api } from '../../../lib/api';
import { useToolsStore } from '../../tools';
import { placeholder, selectBusy, startIn } from './chatStart';
import type { ChatMessage, ChatState } from './chatStore';
import { sendOptions, useComposerSettings } from './composerSettings';
import { applyStreamEvents, keepInBackground } from './streamSubscriptions';
import { ipcErrorText } from '../../../lib/i18n';

/** A new question and its answer as it streams in. */
export type SendSlice = Pick<ChatState, 'send' | 'stop' | 'applyBatch'>;

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

export const createSendSlice: StateCreator<ChatState, [], [], SendSlice> = (set, get) => ({
  async send(text, attached = []) {
    if (selectBusy(get())) return false;
    const conversationId = get().conversationId ?? undefined;
    const options = sendOptions(useComposerSettings.getState());
    const attachments = attached.map((part) => ({ id: part.attachmentId, name: part.name }));
    // tools: a new chat's servers turned off before it existed go with its first message.
    const toolsOff = conversationId ? undefined : useToolsStore.getState().takeDraftOff();
    const result = await startIn(set, get, get().conversationId, () =>
      api.sendMessage({
        text,
        ...options,
        ...(conversationId ? { conversationId } : {}),
        ...(attachments.length ? { attachments } : {}),
        ...(toolsOff ? { toolsOff } : {}),
      }),
    );
    if (!result.ok) {
      set({ sendError: ipcErrorText(result.error) });
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
        parts: [...attached, ...textParts(text)],
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
});
