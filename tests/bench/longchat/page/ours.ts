/**
 * Our real view: the renderer's own entry (main.tsx, App, stores, the virtualized list) over the
 * bench's window.api (the real contract), which answers with the long and the small chat.
 */
import type { ConversationThread } from '../../../../src/shared/conversations';
import type { ChatStreamBatch } from '../../../../src/shared/ipc';
import { createBenchApi } from '../../render/page/benchApi';
import type { Variant } from '../../render/page/protocol';
import { BIG, SMALL, type LongChatVariant } from './protocol';
import { threads } from './threads';

const ids = { conversationId: BIG, userMessageId: 'u', assistantMessageId: 'a', streamId: 's' };
let open: ((conversationId: string) => Promise<boolean>) | null = null;
let send: ((text: string) => Promise<boolean>) | null = null;
let deliver: ((events: ChatStreamBatch['events']) => void) | null = null;
let messageCount: (() => number) | null = null;

function thread(conversationId: string): ConversationThread {
  const messages = threads().get(conversationId) ?? [];
  return {
    conversation: {
      id: conversationId,
      title: conversationId,
      pinned: false,
      createdAt: 0,
      updatedAt: 0,
      profileId: null,
      model: 'bench-model',
      systemPrompt: null,
      parameters: {},
      currentLeafId: messages.at(-1)?.id ?? null,
    },
    messages,
  };
}

export const variant: LongChatVariant = {
  async mount() {
    const bench = createBenchApi(ids, {
      listConversations: async () => ({
        items: [BIG, SMALL].map((id, i) => ({
          id,
          title: id,
          pinned: false,
          createdAt: i,
          updatedAt: i,
        })),
        nextCursor: null,
      }),
      getConversation: async ({ conversationId }) => thread(conversationId),
    });
    window.api = bench.api;
    deliver = (events) =>
      bench.deliver({
        streamId: ids.streamId,
        conversationId: ids.conversationId,
        messageId: ids.assistantMessageId,
        events,
      });
    await import('../../../../src/renderer/src/main');
    const { useChatStore } =
      await import('../../../../src/renderer/src/features/chat/store/chatStore');
    open = (id) => useChatStore.getState().openConversation(id);
    send = (text) => useChatStore.getState().send(text);
    messageCount = () => useChatStore.getState().messages.length;
  },
  async open(conversationId) {
    if (!(await open!(conversationId))) throw new Error(`could not open ${conversationId}`);
  },
  scroller() {
    let element: HTMLElement | null = document.querySelector('[role="log"]');
    while (element && element.scrollHeight <= element.clientHeight) element = element.parentElement;
    if (!element) throw new Error('no scrolling message list');
    return element;
  },
};

/**
 * An answer streamed at the end of the long chat (its own question sent first, as a person
 * would), fed through the real chatStream event like the render bench's.
 */
export async function startAnswer(): Promise<Pick<Variant, 'append' | 'finish' | 'answerElement'>> {
  if (!(await send!('Write a long guide to reliable API clients.'))) throw new Error('send failed');
  const started = performance.now();
  return {
    append: (chunk) => deliver!([{ type: 'text', text: chunk }]),
    finish: () =>
      deliver!([
        {
          type: 'usage',
          usage: { inputTokens: 20, outputTokens: 5000, totalTokens: 5020, source: 'provider' },
        },
        {
          type: 'finish',
          finishReason: 'stop',
          providerFinishReason: 'stop',
          timing: { ttftMs: null, totalMs: performance.now() - started },
        },
      ]),
    // The answer is the list's last item; the virtualized list mounts it only when it is near
    // the view, so an answer the view did not follow is counted as not shown.
    answerElement: () => {
      const last = (messageCount?.() ?? 0) - 1;
      return document.querySelector<HTMLElement>(`[data-index="${last}"]`);
    },
  };
}
