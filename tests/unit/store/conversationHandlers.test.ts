import { afterEach, describe, expect, it } from 'vitest';
import { ChatService } from '../../../src/main/core/chat/ChatService';
import type { ChatRequest } from '../../../src/main/core/providers/types';
import type { StreamEvent } from '../../../src/shared/stream';
import { createConversationHandlers } from '../../../src/main/core/store/conversationHandlers';
import type { Store } from '../../../src/main/core/store/Store';
import { dispatch } from '../../../src/main/ipc';
import type { InvokeChannel, IpcHandlers } from '../../../src/shared/ipc';
import { unavailableHandlers } from '../../support/unavailableHandlers';
import { tempStore } from './helpers';
import { fixedProfiles } from '../../support/fixedProfiles';

let current: Store | null = null;
afterEach(() => current?.close());

const profile = {
  id: 'openai',
  name: 'openai',
  type: 'openai' as const,
  baseUrl: 'http://x',
  defaultModel: 'emu-1',
};

function setup() {
  const { store, clock } = tempStore();
  current = store;
  const requests: ChatRequest[] = [];
  const adapter = {
    async *stream(request: ChatRequest): AsyncIterable<StreamEvent> {
      requests.push(request);
      yield { type: 'text', text: 'ok' };
      yield {
        type: 'finish',
        finishReason: 'stop',
        providerFinishReason: 'stop',
        timing: { ttftMs: 1, totalMs: 1 },
      };
    },
  };
  const chat = new ChatService({
    profiles: fixedProfiles([{ profile, apiKey: null }]),
    engine: (_target, request) => adapter.stream(request),
    emit: () => {},
    store,
    autoTitle: false,
  });
  const handlers: IpcHandlers = {
    ...unavailableHandlers(),
    getAppInfo: async () => ({
      name: 'Switchboard',
      version: '0',
      platform: 'linux',
      shell: 'harness',
    }),
    sendMessage: async (request) => chat.send(request),
    stopStream: async ({ streamId }) => ({ stopped: chat.stop(streamId) }),
    ...createConversationHandlers({ store, chat, emit: () => {}, now: clock.now }),
  };
  const call = (channel: InvokeChannel, payload: unknown) =>
    dispatch(channel, { senderFrame: { url: 'app' } }, payload, handlers, {
      isTrustedSender: () => true,
    });
  return { store, chat, requests, call };
}

describe('conversation channels through validation', () => {
  it('refuses bad payloads as values: empty title, huge limit, unknown fields', async () => {
    const { call } = setup();
    for (const [channel, payload] of [
      ['renameConversation', { conversationId: 'c', title: '   ' }],
      ['listConversations', { limit: 100_000 }],
      ['searchConversations', { query: 'x'.repeat(501) }],
      ['exportConversations', { format: 'pdf' }],
      ['pinConversation', { conversationId: 'c', pinned: true, extra: 1 }],
    ] as const) {
      const result = await call(channel, payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
  });

  it('answers a missing conversation with not_found, and a bad import with its reason', async () => {
    const { call } = setup();
    expect(await call('getConversation', { conversationId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await call('exportConversations', { conversationIds: ['nope'], format: 'json' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await call('importConversations', {
        content: '{"format":"switchboard.conversations"}',
        duplicates: 'skip',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringMatching(/damaged/) },
    });
  });

  it('a conversation’s own model, system prompt and parameters go into its next request', async () => {
    const { chat, requests, call } = setup();
    const ids = chat.send({ text: 'first' });
    await chat.idle();
    const updated = await call('updateConversationSettings', {
      conversationId: ids.conversationId,
      model: 'other-model',
      systemPrompt: 'Answer in French.',
      parameters: { temperature: 0.1, maxTokens: 50 },
    });
    expect(updated).toMatchObject({
      ok: true,
      value: { model: 'other-model', systemPrompt: 'Answer in French.' },
    });
    chat.send({ conversationId: ids.conversationId, text: 'second' });
    await chat.idle();
    expect(requests.at(-1)).toMatchObject({
      model: 'other-model',
      system: 'Answer in French.',
      temperature: 0.1,
      maxTokens: 50,
    });
    const thread = await call('getConversation', { conversationId: ids.conversationId });
    const models = (
      thread as { value: { messages: { role: string; model: string | null }[] } }
    ).value.messages
      .filter((m) => m.role === 'assistant')
      .map((m) => m.model);
    // Each answer records what answered it.
    expect(models).toEqual(['emu-1', 'other-model']);
  });

  it('deleting a message removes it and what followed; the thread goes on through what is left', async () => {
    const { store, chat, call } = setup();
    const first = chat.send({ text: 'one' });
    await chat.idle();
    const second = chat.send({ conversationId: first.conversationId, text: 'two' });
    await chat.idle();
    const regenerated = chat.regenerate({
      conversationId: first.conversationId,
      messageId: second.assistantMessageId,
    });
    await chat.idle();
    type Thread = { ok: true; value: { messages: { id: string; role: string }[] } };
    // Deleting the newest version of the second answer falls back to the older one.
    const afterVersion = (await call('deleteMessage', {
      conversationId: first.conversationId,
      messageId: regenerated.assistantMessageId,
    })) as Thread;
    expect(afterVersion.value.messages.map((m) => m.id)).toEqual([
      first.userMessageId,
      first.assistantMessageId,
      second.userMessageId,
      second.assistantMessageId,
    ]);
    // Deleting the second question takes its answer with it, and search forgets both.
    const afterQuestion = (await call('deleteMessage', {
      conversationId: first.conversationId,
      messageId: second.userMessageId,
    })) as Thread;
    expect(afterQuestion.value.messages.map((m) => m.id)).toEqual([
      first.userMessageId,
      first.assistantMessageId,
    ]);
    expect(store.messages.exists(second.assistantMessageId)).toBe(false);
    expect(store.search.search('two', 10)).toEqual([]);
    expect(
      await call('deleteMessage', { conversationId: 'other', messageId: first.userMessageId }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('delete hides, restore brings back, list pages stay consistent', async () => {
    const { chat, call } = setup();
    const a = chat.send({ text: 'a' });
    await chat.idle();
    expect(await call('deleteConversation', { conversationId: a.conversationId })).toEqual({
      ok: true,
      value: { deleted: true },
    });
    expect(await call('listConversations', {})).toMatchObject({
      ok: true,
      value: { items: [], nextCursor: null },
    });
    expect(await call('restoreConversation', { conversationId: a.conversationId })).toMatchObject({
      ok: true,
    });
    expect(await call('listConversations', {})).toMatchObject({
      ok: true,
      value: { items: [{ id: a.conversationId }] },
    });
  });
});
