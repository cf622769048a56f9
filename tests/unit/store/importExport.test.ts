import { messageText } from '../../../src/shared/messageParts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  collectConversations,
  toJsonExport,
  toMarkdownExport,
} from '../../../src/main/core/store/exportConversations';
import {
  importConversations,
  previewImport,
} from '../../../src/main/core/store/importConversations';
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
    parts: [
      { type: 'reasoning', text: 'thinking…' },
      { type: 'text', text: 'First answer' },
    ],
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
    parts: [{ type: 'text', text: 'Cut' }],
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
    expect(importConversations(target, file.content, 'skip')).toEqual({
      format: 'switchboard',
      conversations: 1,
      messages: 3,
      skipped: 0,
      replaced: 0,
      keptBoth: 0,
    });
    const again = toJsonExport(collectConversations(target, [id]), 1);
    expect(JSON.parse(again.content)).toEqual(JSON.parse(file.content));
    expect(target.conversations.list({ limit: 5 }).items[0]).toMatchObject({
      id,
      pinned: true,
      title: 'Rich',
    });
  });

  it('exports version 3, each message with its parts in order and no separate text fields', () => {
    const store = fresh();
    const id = seed(store);
    const body = JSON.parse(toJsonExport(collectConversations(store, [id]), 1).content);
    expect(body.version).toBe(3);
    const answer = body.conversations[0].messages[1];
    expect(answer.parts).toEqual([
      { type: 'reasoning', text: 'thinking…' },
      { type: 'text', text: 'First answer' },
    ]);
    expect(answer).not.toHaveProperty('content');
    expect(answer).not.toHaveProperty('reasoning');
  });

  it('imports an export of version 1 (content, reasoning, refusal as fields) as parts', () => {
    const store = fresh();
    const message = (id: string, parentId: string | null, fields: object) => ({
      id,
      conversationId: 'v1',
      parentId,
      role: parentId ? 'assistant' : 'user',
      status: 'done',
      profileId: null,
      model: null,
      parameters: null,
      finishReason: null,
      providerFinishReason: null,
      providerMessageId: null,
      usage: null,
      timing: null,
      error: null,
      createdAt: 1,
      updatedAt: 1,
      ...fields,
    });
    const file = JSON.stringify({
      format: 'switchboard.conversations',
      version: 1,
      exportedAt: 1,
      conversations: [
        {
          conversation: {
            id: 'v1',
            title: 'Old file',
            titleSource: 'user',
            pinned: false,
            createdAt: 1,
            updatedAt: 1,
            profileId: null,
            model: null,
            systemPrompt: null,
            parameters: {},
            currentLeafId: 'a2',
          },
          messages: [
            // Made before refusals were kept: no refusal field at all.
            message('q', null, { content: 'Héllo 👋', reasoning: '' }),
            message('a1', 'q', { content: 'Answer', reasoning: 'Because', refusal: '' }),
            message('a2', 'q', { content: '', reasoning: '', refusal: 'I can’t.' }),
          ],
        },
      ],
    });
    expect(importConversations(store, file, 'skip')).toMatchObject({
      conversations: 1,
      messages: 3,
    });
    expect(store.messages.get('q')?.parts).toEqual([{ type: 'text', text: 'Héllo 👋' }]);
    expect(store.messages.get('a1')?.parts).toEqual([
      { type: 'reasoning', text: 'Because' },
      { type: 'text', text: 'Answer' },
    ]);
    expect(store.messages.get('a2')?.parts).toEqual([{ type: 'refusal', text: 'I can’t.' }]);
  });

  it('refuses a version 2 file with a part of a kind it does not know', () => {
    const source = fresh();
    const id = seed(source);
    const body = JSON.parse(toJsonExport(collectConversations(source, [id]), 1).content);
    body.conversations[0].messages[1].parts.push({ type: 'hologram', text: 'x' });
    expect(() => importConversations(fresh(), JSON.stringify(body), 'skip')).toThrow(/damaged/);
  });

  it('counts what a file holds and what is already here, writing nothing', () => {
    const store = fresh();
    const id = seed(store);
    const file = toJsonExport(collectConversations(store, [id]), 1).content;
    const before = store.db.prepare('SELECT count(*) AS n FROM messages').get();
    expect(previewImport(store, file)).toEqual({
      format: 'switchboard',
      conversations: 1,
      messages: 3,
      alreadyPresent: 1,
    });
    expect(previewImport(fresh(), file).alreadyPresent).toBe(0);
    expect(store.db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual(before);
  });

  it('skip leaves the conversation already here as it is and imports only the new ones', () => {
    const store = fresh();
    const id = seed(store);
    const other = store.conversations.create({ title: 'Elsewhere', settings: noSettings });
    const file = toJsonExport(collectConversations(store, [id, other.id]), 1).content;
    store.conversations.softDelete(other.id);
    store.conversations.purge(other.id);
    store.conversations.rename(id, 'Renamed here');
    expect(importConversations(store, file, 'skip')).toMatchObject({
      conversations: 1,
      skipped: 1,
    });
    const titles = store.conversations.list({ limit: 5 }).items.map((c) => c.title);
    expect(titles.sort()).toEqual(['Elsewhere', 'Renamed here']);
  });

  it('replace puts the imported version in place, exactly, under the same ids', () => {
    const store = fresh();
    const id = seed(store);
    const file = toJsonExport(collectConversations(store, [id]), 1).content;
    store.conversations.rename(id, 'Changed since the export');
    const thread = store.messages.allOf(id);
    store.messages.deleteBranch(id, thread.at(-1)!.id);
    expect(importConversations(store, file, 'replace')).toMatchObject({
      conversations: 1,
      messages: 3,
      replaced: 1,
    });
    expect(store.conversations.list({ limit: 5 }).items).toHaveLength(1);
    const again = toJsonExport(collectConversations(store, [id]), 1).content;
    expect(JSON.parse(again)).toEqual(JSON.parse(file));
  });

  it('keep both adds the imported one beside ours under new ids, touching nothing of ours', () => {
    const store = fresh();
    const id = seed(store);
    const original = toJsonExport(collectConversations(store, [id]), 1).content;
    expect(importConversations(store, original, 'keepBoth')).toMatchObject({
      conversations: 1,
      keptBoth: 1,
    });
    const items = store.conversations.list({ limit: 5 }).items;
    expect(items.map((c) => c.title)).toEqual(['Rich', 'Rich']);
    expect(JSON.parse(toJsonExport(collectConversations(store, [id]), 1).content)).toEqual(
      JSON.parse(original),
    );
    const copy = items.find((c) => c.id !== id)!;
    const thread = store.messages.thread(copy.id, store.conversations.get(copy.id)!.currentLeafId);
    expect(thread.map((m) => messageText(m.parts))).toEqual(['Hello *world*', 'First answer']);
    expect(thread[1]!.versionIds).toHaveLength(2);
  });

  it('a failure half-way through writes nothing, whatever the choice', () => {
    const store = fresh();
    const id = seed(store);
    const body = JSON.parse(toJsonExport(collectConversations(store, [id]), 1).content);
    const second = structuredClone(body.conversations[0]);
    second.conversation.id = 'second';
    for (const m of second.messages) {
      m.conversationId = 'second';
      m.id = `second-${m.id}`;
      if (m.parentId) m.parentId = `second-${m.parentId}`;
    }
    second.conversation.currentLeafId = `second-${second.conversation.currentLeafId}`;
    body.conversations.push(second);
    const before = toJsonExport(collectConversations(store, [id]), 1).content;
    // The database refuses the second conversation's rows after the first was replaced.
    store.db.exec(
      `CREATE TRIGGER refuse_second BEFORE INSERT ON conversations WHEN NEW.id = 'second'
       BEGIN SELECT RAISE(ABORT, 'refused'); END`,
    );
    expect(() => importConversations(store, JSON.stringify(body), 'replace')).toThrow(/refused/);
    expect(store.conversations.list({ limit: 5 }).items).toHaveLength(1);
    expect(toJsonExport(collectConversations(store, [id]), 1).content).toBe(before);
  });

  it('recognises a ChatGPT conversations.json imported before', () => {
    const store = fresh();
    const content = readFileSync(
      resolve(import.meta.dirname, '../../fixtures/chatgpt-conversations.json'),
      'utf8',
    );
    importConversations(store, content, 'skip');
    expect(previewImport(store, content).alreadyPresent).toBe(1);
    expect(importConversations(store, content, 'skip')).toMatchObject({ skipped: 1 });
    expect(store.conversations.list({ limit: 5 }).items).toHaveLength(1);
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
    expect(() => importConversations(store, content, 'keepBoth')).toThrow(ImportError);
    expect(() => previewImport(store, content)).toThrow(message);
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
    expect(() => importConversations(target, JSON.stringify(body), 'keepBoth')).toThrow(
      /another conversation/,
    );
    expect(target.conversations.list({ limit: 10 }).items).toHaveLength(0);
  });

  it('imports a ChatGPT conversations.json: tree, versions, shown branch, models, times', () => {
    const store = fresh();
    const content = readFileSync(
      resolve(import.meta.dirname, '../../fixtures/chatgpt-conversations.json'),
      'utf8',
    );
    expect(importConversations(store, content, 'skip')).toMatchObject({
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
    expect(thread.map((m) => [m.role, messageText(m.parts)])).toEqual([
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

  it('keeps an answer’s sources and the web search switch through JSON, lists them in Markdown', () => {
    const source = fresh();
    const c = source.conversations.create({
      title: 'Searched',
      settings: { ...noSettings, parameters: { webSearch: true } },
    });
    const q = source.messages.append({
      conversationId: c.id,
      parentId: null,
      role: 'user',
      content: 'News?',
    });
    const a = source.messages.append({
      conversationId: c.id,
      parentId: q.id,
      role: 'assistant',
      content: '',
      status: 'streaming',
    });
    source.messages.finish(a.id, {
      parts: [
        { type: 'text', text: 'Rain.' },
        { type: 'citation', title: 'Weather [today]', url: 'https://weather.example/a' },
        { type: 'citation', title: '', url: 'https://b.example/' },
      ],
      usage: {
        inputTokens: 1,
        outputTokens: 1,
        totalTokens: 2,
        webSearchCalls: 2,
        source: 'provider',
      },
      error: null,
      finishReason: 'stop',
      providerFinishReason: 'stop',
      timing: { ttftMs: 1, totalMs: 2 },
    });
    source.conversations.touch(c.id, a.id);
    const file = toJsonExport(collectConversations(source, [c.id]), 1);
    const target = fresh();
    importConversations(target, file.content, 'skip');
    const again = JSON.parse(toJsonExport(collectConversations(target, [c.id]), 1).content);
    expect(again).toEqual(JSON.parse(file.content));
    expect(again.conversations[0].conversation.parameters).toEqual({ webSearch: true });
    expect(again.conversations[0].messages[1].parts[1]).toEqual({
      type: 'citation',
      title: 'Weather [today]',
      url: 'https://weather.example/a',
    });
    const md = toMarkdownExport(collectConversations(source, [c.id]), 0).content;
    expect(md).toContain(
      'Sources:\n\n1. [Weather \\[today\\]](<https://weather.example/a>)\n2. [https://b.example/](<https://b.example/>)',
    );
  });
});
