/**
 * Our real view: the renderer's own entry (main.tsx, App, stores, the virtualized list) over the
 * bench's window.api (the real contract), which answers with the long and the small chat.
 */
import type { ConversationThread } from '../../../../src/shared/conversations';
import { createBenchApi } from '../../render/page/benchApi';
import { BIG, SMALL, type LongChatVariant } from './protocol';
import { threads } from './threads';

const ids = { conversationId: BIG, userMessageId: 'u', assistantMessageId: 'a', streamId: 's' };
let open: ((conversationId: string) => Promise<boolean>) | null = null;

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
    await import('../../../../src/renderer/src/main');
    const { useChatStore } =
      await import('../../../../src/renderer/src/features/chat/store/chatStore');
    open = (id) => useChatStore.getState().openConversation(id);
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
