/**
 * Our real view: the renderer's own entry (main.tsx, App, store, virtualized list) with a fake
 * window.api whose chatStream listener receives the chunks, exactly as IPC would deliver them.
 */
import type { SwitchboardApi } from '../../../../src/shared/api';
import type { ChatStreamBatch } from '../../../../src/shared/ipc';
import type { Variant } from './protocol';

let listener: ((batch: ChatStreamBatch) => void) | null = null;
const ids = {
  conversationId: 'bench-c',
  userMessageId: 'bench-u',
  assistantMessageId: 'bench-a',
  streamId: 'bench-s',
};
const started = performance.now();
let ttftMs: number | null = null;

const fakeApi = {
  getAppInfo: async () => ({
    ok: true,
    value: { name: 'Switchboard', version: 'bench', platform: 'linux', shell: 'harness' },
  }),
  sendMessage: async () => ({ ok: true, value: ids }),
  stopStream: async () => ({ ok: true, value: { stopped: true } }),
  on: (_event: string, next: (batch: ChatStreamBatch) => void) => {
    listener = next;
    return () => (listener = null);
  },
} as unknown as SwitchboardApi;

const deliver = (events: ChatStreamBatch['events']) =>
  listener?.({
    streamId: ids.streamId,
    conversationId: ids.conversationId,
    messageId: ids.assistantMessageId,
    events,
  });

export const variant: Variant = {
  async mount() {
    window.api = fakeApi;
    await import('../../../../src/renderer/src/main');
    const { useChatStore } = await import('../../../../src/renderer/src/store/chatStore');
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
