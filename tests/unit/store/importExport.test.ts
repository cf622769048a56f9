import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  collectConversations,
  toJsonExport,
  toMarkdownExport,
} from '../../../src/main/core/store/exportConversations';
import { importConversations } from '../../../src/main/core/store/importConversations';
import { ImportError } from '../../../src/main/core/store/ImportError';
import type { Store } from '../../../src/main/core/store/Store';
import { noSettings, tempStore } from './helpers';

const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));
function fresh(): Store {
  const { store } = tempStore();
  stores.push(store);
  return store;
}

/** A conversation with versions, usage, timing, an error and settings: everything export must keep. */
function seed(store: Store): string {
  const c = store.conversations.create({
    title: 'Rich',
    settings: { ...noSettings, systemPrompt: 'Be kind.', parameters: { temperature: 0.5 } },
  });
  store.conversations.setPinned(c.id, true);
  const q = store.messages.append({
    conversationId: c.id,
    parentId: null,
    role: 'user',
    content: 'Hello *world*',
  });
  const a1 = store.messages.append({
    conversationId: c.id,
    parentId: q.id,
    role: 'assistant',
    content: '',
    status: 'streaming',
    model: 'emu-1',
  });
  store.messages.finish(a1.id, {
    content: 'First answer',
    reasoning: 'thinking…',
    model: 'emu-1-2025',
    providerMessageId: 'chatcmpl-1',
    usage: {
      inputTokens: 10,
      outputTokens: 3,
      totalTokens: 13,
      cachedInputTokens: 2,
      source: 'provider',
    },
    error: null,
    finishReason: 'stop',
    providerFinishReason: 'stop',
    timing: { ttftMs: 12.5, totalMs: 80 },
  });
  const a2 = store.messages.append({
    conversationId: c.id,
    parentId: q.id,
    role: 'assistant',
    content: '',
    status: 'streaming',
  });
  store.messages.finish(a2.id, {
    content: 'Cut',
    reasoning: '',
    error: { kind: 'rate_limit', status: 429, message: 'Slow down', retryAfterMs: 1000 },
    finishReason: 'error',
    providerFinishReason: null,
    timing: { ttftMs: null, totalMs: 5 },
  });
  store.conversations.touch(c.id, a1.id);
  return c.id;
}

describe('export and import', () => {
  it('a JSON export imports into another database without losing anything', () => {
    const source = fresh();
    const id = seed(source);
    const file = toJsonExport(collectConversations(source, [id]), 1);
    const target = fresh();
    expect(importConversations(target, file.content)).toEqual({
      format: 'switchboard',
      conversations: 1,
      messages: 3,
    });
    const again = toJsonExport(collectConversations(target, [id]), 1);
    expect(JSON.parse(again.content)).toEqual(JSON.parse(file.content));
    expect(target.conversations.list({ limit: 5 }).items[0]).toMatchObject({
      id,
      pinned: true,
      title: 'Rich',
    });
  });

  it('importing into the database it came from makes a copy beside the original', () => {
    const store = fresh();
    const id = seed(store);
    importConversations(store, toJsonExport(collectConversations(store, [id]), 1).content);
    const items = store.conversations.list({ limit: 5 }).items;
    expect(items.map((c) => c.title)).toEqual(['Rich', 'Rich']);
    const copy = items.find((c) => c.id !== id)!;
    const thread = store.messages.thread(copy.id, store.conversations.get(copy.id)!.currentLeafId);
    expect(thread.map((m) => m.content)).toEqual(['Hello *world*', 'First answer']);
    expect(thread[1]!.versionIds).toHaveLength(2);
  });

  it.each([
    ['not JSON', '{oops', /not JSON/],
    ['a bare object', '{"hello": 1}', /neither/],
    [
      'a damaged export',
      JSON.stringify({
        format: 'switchboard.conversations',
        version: 1,
        exportedAt: 1,
        conversations: [{ conversation: { id: 'x' }, messages: [] }],
      }),
      /damaged/,
    ],
    ['an array of non-conversations', '[{"title": "no mapping"}]', /ChatGPT's export format/],
    ['an empty array', '[]', /no conversations/],
  ])('refuses %s with a message and changes nothing', (_label, content, message) => {
    const store = fresh();
    seed(store);
    const before = store.db.prepare('SELECT count(*) AS n FROM messages').get();
    expect(() => importConversations(store, content)).toThrow(ImportError);
    expect(() => importConversations(store, content)).toThrow(message);
    expect(store.db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual(before);
    expect(store.conversations.list({ limit: 10 }).items).toHaveLength(1);
  });

  it('refuses a valid-looking export whose second conversation is broken, writing none of it', () => {
    const source = fresh();
    const id = seed(source);
    const body = JSON.parse(toJsonExport(collectConversations(source, [id]), 1).content);
    const broken = structuredClone(body.conversations[0]);
    broken.conversation.id = 'other';
    body.conversations.push(broken); // its messages still name the first conversation
    const target = fresh();
    expect(() => importConversations(target, JSON.stringify(body))).toThrow(/another conversation/);
    expect(target.conversations.list({ limit: 10 }).items).toHaveLength(0);
  });

  it('imports a ChatGPT conversations.json: tree, versions, shown branch, models, times', () => {
    const store = fresh();
    const content = readFileSync(
      resolve(import.meta.dirname, '../../fixtures/chatgpt-conversations.json'),
      'utf8',
    );
    expect(importConversations(store, content)).toEqual({
      format: 'chatgpt',
      conversations: 1,
      messages: 3,
    });
    const [summary] = store.conversations.list({ limit: 5 }).items;
    expect(summary).toMatchObject({
      title: 'Sourdough help',
      createdAt: 1700000000500,
      updatedAt: 1700000300250,
    });
    const thread = store.messages.thread(
      summary!.id,
      store.conversations.get(summary!.id)!.currentLeafId,
    );
    expect(thread.map((m) => [m.role, m.content])).toEqual([
      ['user', 'Why is my sourdough flat?'],
      ['assistant', 'Flat loaves usually mean over-proofing\n or weak gluten.'],
    ]);
    expect(thread[1]).toMatchObject({
      model: 'gpt-4o-mini',
      finishReason: 'length',
      parentId: thread[0]!.id,
    });
    expect(thread[1]!.versionIds).toHaveLength(2);
    // One message hit (the title, which says it too, is a hit of its own).
    expect(store.search.search('sourdough', 5).filter((h) => h.messageId !== null)).toHaveLength(1);
  });

  it('exports Markdown of the thread shown, with who answered', () => {
    const store = fresh();
    const id = seed(store);
    const file = toMarkdownExport(collectConversations(store, [id]), Date.UTC(2026, 0, 2));
    expect(file.fileName).toBe('rich-2026-01-02.md');
    expect(file.content).toContain('# Rich');
    expect(file.content).toContain('> Be kind.');
    expect(file.content).toContain('## User\n\nHello *world*');
    expect(file.content).toContain('## Assistant (emu-1-2025)\n\nFirst answer');
    expect(file.content).not.toContain('Cut');
  });
});
