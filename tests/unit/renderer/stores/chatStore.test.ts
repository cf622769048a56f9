import { beforeEach, describe, expect, it, vi } from 'vitest';
import { messageText } from '../../../../src/shared/messageParts';
import { failed, installFakeApi, ok, type FakeApi } from './fakeApi';
import { batch, finish, noProfiles, stored, text, thread } from './chatFixtures';
import type * as ChatStore from '../../../../src/renderer/src/features/chat/store/chatStore';
import type * as Streams from '../../../../src/renderer/src/features/chat/store/streamSubscriptions';

const chatStore = '../../../../src/renderer/src/features/chat/store/chatStore';
const streams = '../../../../src/renderer/src/features/chat/store/streamSubscriptions';

let fake: FakeApi;

/** A fresh page: new fake api, new module state (stores and the off-screen copies). */
async function page() {
  vi.resetModules();
  fake = installFakeApi();
  fake.answer('listProfiles', () => ok(noProfiles));
  const chat = (await import(chatStore)) as typeof ChatStore;
  const subscriptions = (await import(streams)) as typeof Streams;
  chat.subscribeToStreams();
  return { ...chat, ...subscriptions };
}

const sent = {
  conversationId: 'c1',
  userMessageId: 'u1',
  assistantMessageId: 'a1',
  streamId: 's1',
};

describe('chat store', () => {
  beforeEach(() => vi.useRealTimers());

  it('shows the question and a streaming answer that the stream fills, then ends', async () => {
    const { useChatStore } = await page();
    fake.answer('sendMessage', () => ok(sent));
    expect(await useChatStore.getState().send('Hi')).toBe(true);
    expect(fake.calls('sendMessage')[0]).toMatchObject({ text: 'Hi' });
    expect(useChatStore.getState().activeStreamId).toBe('s1');
    fake.emit('chatStream', batch('c1', 'a1', [text('Hel')], 's1'));
    fake.emit('chatStream', batch('c1', 'a1', [text('lo'), finish], 's1'));
    const { messages, activeStreamId, conversationId } = useChatStore.getState();
    expect(conversationId).toBe('c1');
    expect(messages.map((m) => [m.role, messageText(m.parts), m.streaming])).toEqual([
      ['user', 'Hi', false],
      ['assistant', 'Hello', false],
    ]);
    expect(activeStreamId).toBeNull();
  });

  it('keeps what arrived before sendMessage answered, in the answer', async () => {
    const { useChatStore, backgroundCount } = await page();
    fake.answer('sendMessage', () => {
      fake.emit('chatStream', batch('c1', 'a1', [text('Early ')], 's1'));
      return ok(sent);
    });
    await useChatStore.getState().send('Hi');
    fake.emit('chatStream', batch('c1', 'a1', [text('and late'), finish], 's1'));
    expect(
      useChatStore.getState().messages.at(-1) &&
        messageText(useChatStore.getState().messages.at(-1)!.parts),
    ).toBe('Early and late');
    expect(backgroundCount()).toBe(0);
  });

  it('is busy from the click on Regenerate until main names the stream: a Send meanwhile waits', async () => {
    const { useChatStore, selectBusy } = await page();
    fake.answer('getConversation', () =>
      ok(thread('c1', [stored('u1', 'user', 'Hi'), stored('a1', 'assistant', 'Hello')])),
    );
    await useChatStore.getState().openConversation('c1');
    let started!: () => void;
    fake.answer(
      'regenerateMessage',
      () =>
        new Promise((resolve) => {
          started = () => resolve(ok({ ...sent, assistantMessageId: 'a2', streamId: 's2' }));
        }),
    );
    const regenerating = useChatStore.getState().regenerate('a1');
    expect(selectBusy(useChatStore.getState())).toBe(true);
    expect(useChatStore.getState().activeStreamId).toBeNull();
    expect(await useChatStore.getState().send('Too soon')).toBe(false);
    expect(fake.calls('sendMessage')).toHaveLength(0);
    started();
    await regenerating;
    expect(useChatStore.getState()).toMatchObject({ activeStreamId: 's2', starting: null });
    fake.emit('chatStream', batch('c1', 'a2', [text('Again'), finish], 's2'));
    expect(selectBusy(useChatStore.getState())).toBe(false);
  });

  it('puts a regenerated answer and an edited question beside the old version, dropping what followed', async () => {
    const { useChatStore } = await page();
    fake.answer('getConversation', () =>
      ok(
        thread('c1', [
          stored('u1', 'user', 'Hi'),
          stored('a1', 'assistant', 'Hello'),
          stored('u2', 'user', 'More'),
          stored('a3', 'assistant', 'Sure'),
        ]),
      ),
    );
    await useChatStore.getState().openConversation('c1');
    fake.answer('regenerateMessage', () =>
      ok({ ...sent, assistantMessageId: 'a2', streamId: 's2' }),
    );
    await useChatStore.getState().regenerate('a1');
    const shape = () =>
      useChatStore
        .getState()
        .messages.map((m) => [m.id, m.role, messageText(m.parts), m.versionIds]);
    expect(shape()).toEqual([
      ['u1', 'user', 'Hi', ['u1']],
      ['a2', 'assistant', '', ['a1', 'a2']],
    ]);
    expect(useChatStore.getState()).toMatchObject({ activeStreamId: 's2', starting: null });
    fake.emit('chatStream', batch('c1', 'a2', [text('Again'), finish], 's2'));
    fake.answer('editMessage', () =>
      ok({ conversationId: 'c1', userMessageId: 'u3', assistantMessageId: 'a4', streamId: 's3' }),
    );
    await useChatStore.getState().editAndResend('u1', 'Hello there');
    expect(fake.calls('editMessage')[0]).toMatchObject({ messageId: 'u1', text: 'Hello there' });
    expect(shape()).toEqual([
      ['u3', 'user', 'Hello there', ['u1', 'u3']],
      ['a4', 'assistant', '', ['a4']],
    ]);
    expect(useChatStore.getState()).toMatchObject({ activeStreamId: 's3', sendError: null });
  });

  it('is not busy after a start that main refused', async () => {
    const { useChatStore, selectBusy } = await page();
    fake.answer('sendMessage', () => ({ ok: false, error: { code: 'no_key', message: 'No key' } }));
    await useChatStore.getState().send('Hi');
    expect(selectBusy(useChatStore.getState())).toBe(false);
    expect(useChatStore.getState().starting).toBeNull();
  });

  it('says why a send was refused, and shows nothing as sent', async () => {
    const { useChatStore } = await page();
    fake.answer('sendMessage', () => ({ ok: false, error: { code: 'no_key', message: 'No key' } }));
    expect(await useChatStore.getState().send('Hi')).toBe(false);
    expect(useChatStore.getState()).toMatchObject({ sendError: 'No key', messages: [] });
  });

  it('lets an answer run on while another chat is shown, and shows it whole on return', async () => {
    const { useChatStore, useStreamActivity } = await page();
    fake.answer('getConversation', ({ conversationId }) =>
      ok(thread(conversationId, [stored('u', 'user', 'Q'), stored('a', 'assistant', 'abc', true)])),
    );
    await useChatStore.getState().openConversation('c1');
    fake.emit('chatStream', batch('c1', 'a', [text('def')]));
    useChatStore.getState().newConversation();
    fake.emit('chatStream', batch('c1', 'a', [text('ghi')]));
    expect(useStreamActivity.getState().generating).toEqual({ c1: 's-a' });
    // The store saved only part of it meanwhile: the copy kept off screen is what is shown.
    await useChatStore.getState().openConversation('c1');
    const answer = useChatStore.getState().messages.at(-1);
    expect(answer).toMatchObject({ parts: [{ type: 'text', text: 'abcdefghi' }], streaming: true });
    expect(useChatStore.getState().activeStreamId).toBe('s-a');
  });

  it('marks a chat unread when its answer ends off screen, and read when it is opened', async () => {
    const { useChatStore, useStreamActivity } = await page();
    fake.emit('chatStream', batch('c2', 'x', [text('t')]));
    fake.emit('chatStream', batch('c2', 'x', [finish]));
    expect(useStreamActivity.getState()).toEqual({ generating: {}, unread: { c2: true } });
    fake.answer('getConversation', ({ conversationId }) =>
      ok(thread(conversationId, [stored('x', 'assistant', 't')])),
    );
    await useChatStore.getState().openConversation('c2');
    expect(useStreamActivity.getState().unread).toEqual({});
  });
});

describe('chat store: fork from here', () => {
  it('opens the fork main made, whose header links back; a new chat links nowhere', async () => {
    const { useChatStore } = await page();
    fake.answer('getConversation', ({ conversationId }) => {
      const shown = thread(conversationId, [
        stored('u', 'user', 'Q'),
        stored('a', 'assistant', 'A'),
      ]);
      if (conversationId === 'fork')
        shown.conversation.forkedFrom = { conversationId: 'c1', messageId: 'u', title: 'Trip' };
      return ok(shown);
    });
    await useChatStore.getState().openConversation('c1');
    expect(useChatStore.getState().forkedFrom).toBeNull();
    fake.answer('forkConversation', () => ok(thread('fork', [stored('u2', 'user', 'Q')])));
    await useChatStore.getState().fork('u');
    expect(fake.calls('forkConversation')).toEqual([{ conversationId: 'c1', messageId: 'u' }]);
    expect(useChatStore.getState().conversationId).toBe('fork');
    expect(useChatStore.getState().forkedFrom).toEqual({
      conversationId: 'c1',
      messageId: 'u',
      title: 'Trip',
    });
    useChatStore.getState().newConversation();
    expect(useChatStore.getState().forkedFrom).toBeNull();
  });

  it('says why a fork was refused and stays where it was', async () => {
    const { useChatStore } = await page();
    fake.answer('getConversation', ({ conversationId }) =>
      ok(thread(conversationId, [stored('u', 'user', 'Q')])),
    );
    await useChatStore.getState().openConversation('c1');
    fake.answer('forkConversation', () => failed('That message no longer exists.'));
    await useChatStore.getState().fork('u');
    expect(useChatStore.getState()).toMatchObject({
      conversationId: 'c1',
      sendError: 'That message no longer exists.',
    });
  });
});

describe('chat store pruning of answers off screen', () => {
  it('keeps no copy of an answer it did not see from its start', async () => {
    const { backgroundCount } = await page();
    for (let i = 0; i < 40; i++) fake.emit('chatStream', batch(`c${i}`, `m${i}`, [text(`t${i}`)]));
    expect(backgroundCount()).toBe(0);
  });

  it('keeps at most a bounded number of running answers that are not shown', async () => {
    const { backgroundCount, useChatStore } = await page();
    fake.answer('getConversation', ({ conversationId }) => {
      const i = conversationId.slice(1);
      return ok(thread(conversationId, [stored(`m${i}`, 'assistant', `t${i}`, true)]));
    });
    for (let i = 0; i < 40; i++) await useChatStore.getState().openConversation(`c${i}`);
    useChatStore.getState().newConversation();
    expect(backgroundCount()).toBe(16);
  });

  it('reloads, at its end, an answer whose copy was dropped, and keeps the recent ones', async () => {
    const { useChatStore } = await page();
    // Forty chats, each left while its answer runs (the store has saved its text so far).
    fake.answer('getConversation', ({ conversationId }) => {
      const i = conversationId.slice(1);
      return ok(thread(conversationId, [stored(`m${i}`, 'assistant', `t${i}`, true)]));
    });
    for (let i = 0; i < 40; i++) await useChatStore.getState().openConversation(`c${i}`);
    useChatStore.getState().newConversation();
    for (let i = 0; i < 40; i++) fake.emit('chatStream', batch(`c${i}`, `m${i}`, [text('+')]));
    await useChatStore.getState().openConversation('c39');
    expect(useChatStore.getState().messages[0]).toMatchObject({
      parts: [{ type: 'text', text: 't39+' }],
      streaming: true,
    });
    await useChatStore.getState().openConversation('c0');
    expect(useChatStore.getState().messages[0]).toMatchObject({
      parts: [{ type: 'text', text: 't0' }],
      streaming: true,
      resyncOnFinish: true,
    });
    // Its end brings the whole answer from the store, never the store's partial text patched.
    fake.answer('getConversation', ({ conversationId }) =>
      ok(thread(conversationId, [stored('m0', 'assistant', 't0+ and the rest')])),
    );
    fake.emit('chatStream', batch('c0', 'm0', [text(' and the rest'), finish]));
    await vi.waitFor(() =>
      expect(useChatStore.getState().messages[0]).toMatchObject({
        parts: [{ type: 'text', text: 't0+ and the rest' }],
        streaming: false,
      }),
    );
  });

  it('does not start a running copy from a late batch of an answer that has ended', async () => {
    const { backgroundCount, useChatStore } = await page();
    fake.answer('getConversation', ({ conversationId }) =>
      ok(thread(conversationId, [stored('x', 'assistant', 'do', true)])),
    );
    await useChatStore.getState().openConversation('c2');
    useChatStore.getState().newConversation();
    fake.emit('chatStream', batch('c2', 'x', [text('ne'), finish]));
    const usage = { inputTokens: 3, outputTokens: 1, totalTokens: 4, source: 'provider' } as const;
    fake.emit('chatStream', batch('c2', 'x', [{ type: 'usage', usage }]));
    expect(backgroundCount()).toBe(1);
    await useChatStore.getState().openConversation('c2');
    expect(useChatStore.getState().messages[0]).toMatchObject({
      parts: [{ type: 'text', text: 'done' }],
      streaming: false,
      usage,
    });
    expect(backgroundCount()).toBe(0);
  });
});
