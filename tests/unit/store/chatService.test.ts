import { messageText } from '../../../src/shared/messageParts';
import { afterEach, describe, expect, it } from 'vitest';
import { AnswerRecorder } from '../../../src/main/core/chat/AnswerRecorder';
import { ChatService } from '../../../src/main/core/chat/ChatService';
import type { ChatRequest } from '../../../src/main/core/providers/types';
import type { Store } from '../../../src/main/core/store/Store';
import type { EventPayloads } from '../../../src/shared/ipc';
import type { StreamEvent } from '../../../src/shared/stream';
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

/** Answers "echo: <last message>" in words; a "[hang]" prompt streams until aborted. */
function fakeAdapter(requests: ChatRequest[]) {
  return {
    async *stream(request: ChatRequest, signal: AbortSignal): AsyncIterable<StreamEvent> {
      requests.push(request);
      const last = request.messages.at(-1)?.content ?? '';
      yield { type: 'metadata', id: `id-${requests.length}`, model: `${request.model}-v` };
      for (const word of `echo: ${last.slice(0, 40)}`.split(' ')) {
        if (signal.aborted) break;
        yield { type: 'text', text: `${word} ` };
        await new Promise((r) => setTimeout(r, 1));
      }
      while (last.includes('[hang]') && !signal.aborted) await new Promise((r) => setTimeout(r, 5));
      if (signal.aborted) {
        yield {
          type: 'finish',
          finishReason: 'cancelled',
          providerFinishReason: null,
          timing: { ttftMs: 1, totalMs: 2 },
        };
        return;
      }
      yield {
        type: 'usage',
        usage: { inputTokens: 7, outputTokens: 3, totalTokens: 10, source: 'provider' },
      };
      yield {
        type: 'finish',
        finishReason: 'stop',
        providerFinishReason: 'stop',
        timing: { ttftMs: 1, totalMs: 3 },
      };
    },
  };
}

function setup(autoTitle = false) {
  const { store } = tempStore();
  current = store;
  const requests: ChatRequest[] = [];
  const events: { name: keyof EventPayloads; payload: unknown }[] = [];
  const chat = new ChatService({
    profiles: fixedProfiles([{ profile, apiKey: null }]),
    // The engine's edge, faked: these tests are about saving and versions, not the wire.
    engine: (_target, request, options) =>
      fakeAdapter(requests).stream(request, options.signal ?? new AbortController().signal),
    emit: (name, payload) => events.push({ name, payload }),
    store,
    autoTitle,
  });
  return { store, chat, requests, events };
}

describe('ChatService with the store', () => {
  it('stores the question and the streamed answer with what answered it, and counts the call', async () => {
    const { store, chat } = setup();
    const ids = chat.send({ text: 'Hello there' });
    expect(store.messages.get(ids.assistantMessageId)?.status).toBe('streaming');
    await chat.idle();
    const thread = store.messages.thread(
      ids.conversationId,
      store.conversations.get(ids.conversationId)!.currentLeafId,
    );
    expect(thread.map((m) => [m.role, messageText(m.parts)])).toEqual([
      ['user', 'Hello there'],
      ['assistant', 'echo: Hello there '],
    ]);
    expect(thread[1]).toMatchObject({
      status: 'done',
      model: 'emu-1-v',
      profileId: 'openai',
      finishReason: 'stop',
      providerMessageId: 'id-1',
    });
    expect(thread[1]!.usage?.outputTokens).toBe(3);
    expect(store.conversations.get(ids.conversationId)?.title).toBe('Hello there');
    const ledger = store.db
      .prepare('SELECT kind, model, output_tokens, outcome FROM usage_ledger')
      .all();
    expect(ledger).toEqual([{ kind: 'chat', model: 'emu-1-v', output_tokens: 3, outcome: 'stop' }]);
  });

  it("the composer's choices become the conversation's settings and reach the provider", async () => {
    const { store, chat, requests } = setup();
    const first = chat.send({ text: 'one', model: 'm-2', temperature: 0.3, system: 'Be brief.' });
    await chat.idle();
    expect(requests[0]).toMatchObject({ model: 'm-2', temperature: 0.3, system: 'Be brief.' });
    // A follow-up without choices keeps them; one with a new model switches only the model.
    chat.send({ conversationId: first.conversationId, text: 'two' });
    await chat.idle();
    chat.send({ conversationId: first.conversationId, text: 'three', model: 'm-3' });
    await chat.idle();
    expect(requests[1]).toMatchObject({ model: 'm-2', temperature: 0.3, system: 'Be brief.' });
    expect(requests[2]).toMatchObject({ model: 'm-3', temperature: 0.3, system: 'Be brief.' });
    expect(store.conversations.get(first.conversationId)).toMatchObject({
      model: 'm-3',
      systemPrompt: 'Be brief.',
    });
  });

  it('a follow-up carries the stored history', async () => {
    const { chat, requests } = setup();
    const first = chat.send({ text: 'one' });
    await chat.idle();
    chat.send({ conversationId: first.conversationId, text: 'two' });
    await chat.idle();
    expect(requests[1]!.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
  });

  it('Stop keeps what came as a cancelled answer', async () => {
    const { store, chat } = setup();
    const ids = chat.send({ text: 'go on [hang]' });
    await new Promise((r) => setTimeout(r, 40));
    chat.stop(ids.streamId);
    await chat.idle();
    expect(store.messages.get(ids.assistantMessageId)).toMatchObject({
      status: 'done',
      finishReason: 'cancelled',
      parts: [{ type: 'text', text: 'echo: go on [hang] ' }],
    });
  });

  it('regenerate and edit add versions; continue grows the same answer', async () => {
    const { store, chat, requests } = setup();
    const first = chat.send({ text: 'question' });
    await chat.idle();
    const again = chat.regenerate({
      conversationId: first.conversationId,
      messageId: first.assistantMessageId,
    });
    await chat.idle();
    expect(again.userMessageId).toBe(first.userMessageId);
    let thread = store.messages.thread(
      first.conversationId,
      store.conversations.get(first.conversationId)!.currentLeafId,
    );
    expect(thread[1]!.versionIds).toEqual([first.assistantMessageId, again.assistantMessageId]);

    const edited = chat.edit({
      conversationId: first.conversationId,
      messageId: first.userMessageId,
      text: 'better question',
    });
    await chat.idle();
    thread = store.messages.thread(
      first.conversationId,
      store.conversations.get(first.conversationId)!.currentLeafId,
    );
    expect(thread[0]!.versionIds).toEqual([first.userMessageId, edited.userMessageId]);
    expect(thread.map((m) => messageText(m.parts))).toEqual([
      'better question',
      'echo: better question ',
    ]);

    chat.continue({ conversationId: first.conversationId, messageId: edited.assistantMessageId });
    await chat.idle();
    const sent = requests.at(-1)!;
    expect(sent.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(sent.messages[1]!.content).toBe('echo: better question ');
    expect(messageText(store.messages.get(edited.assistantMessageId)!.parts)).toMatch(
      /^echo: better question echo: Continue your previous answer/,
    );
    const kinds = store.db.prepare('SELECT kind FROM usage_ledger ORDER BY id').all();
    expect(kinds).toEqual([
      { kind: 'chat' },
      { kind: 'regenerate' },
      { kind: 'edit' },
      { kind: 'continue' },
    ]);
  });

  it('titles a new conversation with a counted model call that outlives the conversation', async () => {
    const { store, chat, requests, events } = setup(true);
    const ids = chat.send({ text: 'How do tides work?' });
    await chat.idle();
    expect(requests).toHaveLength(2);
    expect(requests[1]!.system).toContain('title of at most six words');
    expect(requests[1]!.messages[0]!.content).toMatch(
      /^How do tides work\?\n\n---\n\necho: How do tides work\?/,
    );
    // The first line of what came back, cleaned.
    expect(store.conversations.get(ids.conversationId)?.title).toBe('echo: How do tides work?');
    expect(events.filter((e) => e.name === 'conversationsChanged').length).toBeGreaterThanOrEqual(
      2,
    );
    store.conversations.softDelete(ids.conversationId);
    store.conversations.purgeDeleted(Number.MAX_SAFE_INTEGER);
    const rows = store.db
      .prepare('SELECT kind, conversation_id FROM usage_ledger ORDER BY id')
      .all();
    expect(rows).toEqual([
      { kind: 'chat', conversation_id: ids.conversationId },
      { kind: 'title', conversation_id: ids.conversationId },
    ]);
  });
});

describe('AnswerRecorder', () => {
  it('saves the text at most every interval while streaming, and everything at the finish', () => {
    const { store } = tempStore();
    current = store;
    const c = store.conversations.create({
      title: 't',
      settings: { profileId: null, model: null, systemPrompt: null, parameters: {} },
    });
    const m = store.messages.append({
      conversationId: c.id,
      parentId: null,
      role: 'assistant',
      content: '',
      status: 'streaming',
    });
    let now = 0;
    const recorder = new AnswerRecorder(store.messages, m.id, { parts: [] }, 500, () => now);
    const saved = () => messageText(store.messages.get(m.id)!.parts);
    const text = (t: string): StreamEvent => ({ type: 'text', text: t });
    // 100 tokens a second for 2.5 s: the stored text is never more than 0.5 s behind.
    let sent = '';
    for (let i = 0; i < 250; i++) {
      now = i * 10;
      recorder.push(text(`w${i} `));
      sent += `w${i} `;
      const behind = sent.length - saved().length;
      expect(behind).toBeLessThanOrEqual(`w${i} `.length * 51);
    }
    recorder.push({
      type: 'finish',
      finishReason: 'stop',
      providerFinishReason: 'stop',
      timing: { ttftMs: 1, totalMs: 2500 },
    });
    expect(store.messages.get(m.id)).toMatchObject({
      parts: [{ type: 'text', text: sent }],
      status: 'done',
      finishReason: 'stop',
    });
  });
});
