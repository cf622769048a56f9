/**
 * Our real view: the renderer's own entry (main.tsx, App, store, virtualized list) with the
 * bench's window.api (benchApi.ts: the real contract), whose chatStream event delivers the
 * chunks exactly as IPC would.
 */
import type { ChatStreamBatch } from '../../../../src/shared/ipc';
import { createBenchApi } from './benchApi';
import type { Variant } from './protocol';

const ids = {
  conversationId: 'bench-c',
  userMessageId: 'bench-u',
  assistantMessageId: 'bench-a',
  streamId: 'bench-s',
};
const started = performance.now();
let ttftMs: number | null = null;
const bench = createBenchApi(ids);

const deliver = (events: ChatStreamBatch['events']) =>
  bench.deliver({
    streamId: ids.streamId,
    conversationId: ids.conversationId,
    messageId: ids.assistantMessageId,
    events,
  });

export const variant: Variant = {
  async mount() {
    window.api = bench.api;
    await import('../../../../src/renderer/src/main');
    const { useChatStore } =
      await import('../../../../src/renderer/src/features/chat/store/chatStore');
    await useChatStore.getState().send('Write a long guide to reliable API clients.');
  },
  append(chunk) {
    ttftMs ??= performance.now() - started;
    deliver([{ type: 'text', text: chunk }]);
  },
  finish() {
    deliver([
      {
        type: 'usage',
        usage: { inputTokens: 20, outputTokens: 20_000, totalTokens: 20_020, source: 'provider' },
      },
      {
        type: 'finish',
        finishReason: 'stop',
        providerFinishReason: 'stop',
        timing: { ttftMs, totalMs: performance.now() - started },
      },
    ]);
  },
};
