import { afterEach, describe, expect, it } from 'vitest';
import {
  collectConversations,
  toJsonExport,
  toMarkdownExport,
} from '../../../src/main/core/store/exportConversations';
import { forkConversation } from '../../../src/main/core/store/forkConversation';
import { importConversations } from '../../../src/main/core/store/importConversations';
import type { Store } from '../../../src/main/core/store/Store';
import { messageText } from '../../../src/shared/messageParts';
import { noSettings, tempStore } from './helpers';

const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));
function fresh(): Store {
  const { store } = tempStore();
  stores.push(store);
  return store;
}

/**
 * Six messages, q1 a1 q2 a2 q3 a3; then message 3 (q2) edited into q2b, answered by a2b, and a
 * follow-up q3b; the thread shown ends at q3b.
 */
function seed(store: Store) {
  const c = store.conversations.create({
    title: 'Trip',
    settings: { ...noSettings, systemPrompt: 'Be brief.', parameters: { temperature: 0.3 } },
  });
  const add = (parentId: string | null, role: 'user' | 'assistant', content: string) => {
    const m = store.messages.append({ conversationId: c.id, parentId, role, content });
    store.conversations.touch(c.id, m.id);
    return m.id;
  };
  const q1 = add(null, 'user', 'Plan a trip to Porto');
  const a1 = add(q1, 'assistant', 'Day one: Ribeira');
  const q2 = add(a1, 'user', 'And day two?');
  const a2 = add(q2, 'assistant', 'Day two: Serralves');
  const q3 = add(a2, 'user', 'Where to eat?');
  const a3 = add(q3, 'assistant', 'Try a francesinha');
  const q2b = add(a1, 'user', 'What about Lisbon instead?');
  const a2b = add(q2b, 'assistant', 'Lisbon: Alfama tram');
  const q3b = add(a2b, 'user', 'Is it hilly?');
  return { c: c.id, q1, a1, q2, a2, q3, a3, q2b, a2b, q3b };
}

const ids = (store: Store, conversationId: string) =>
  store.messages
    .thread(conversationId, store.conversations.get(conversationId)!.currentLeafId)
    .map((m) => messageText(m.parts));

describe('branches as a tree', () => {
  it('switching versions at message 3 and back finds each branch whole', () => {
    const store = fresh();
    const t = seed(store);
    expect(store.messages.versionIds(t.c, t.a1)).toEqual([t.q2, t.q2b]);
    // Back to the first version of message 3: its whole branch, down to the last answer.
    store.conversations.setCurrentLeaf(t.c, store.messages.leafFrom(t.c, t.q2));
    expect(ids(store, t.c)).toEqual([
      'Plan a trip to Porto',
      'Day one: Ribeira',
      'And day two?',
      'Day two: Serralves',
      'Where to eat?',
      'Try a francesinha',
    ]);
    // A fork inside the first branch (a regenerated a2), then back to the first version of a2:
    // the way down goes through what was shown there (q3, a3), not through the newest child.
    const a2r = store.messages.append({
      conversationId: t.c,
      parentId: t.q2,
      role: 'assistant',
      content: 'Day two: Douro valley',
    });
    store.conversations.touch(t.c, a2r.id);
    store.conversations.setCurrentLeaf(t.c, store.messages.leafFrom(t.c, t.q2b));
    expect(ids(store, t.c).at(-1)).toBe('Is it hilly?');
    store.conversations.setCurrentLeaf(t.c, store.messages.leafFrom(t.c, t.q2));
    expect(ids(store, t.c).at(-1)).toBe('Day two: Douro valley');
    store.conversations.setCurrentLeaf(t.c, store.messages.leafFrom(t.c, t.a2));
    expect(ids(store, t.c).at(-1)).toBe('Try a francesinha');
    // Left through the older a2 (not q2's newest child a2r): a switch away and back keeps it.
    store.conversations.setCurrentLeaf(t.c, store.messages.leafFrom(t.c, t.q2b));
    store.conversations.setCurrentLeaf(t.c, store.messages.leafFrom(t.c, t.q2));
    expect(ids(store, t.c).slice(3)).toEqual([
      'Day two: Serralves',
      'Where to eat?',
      'Try a francesinha',
    ]);
  });

  it('search finds text on a branch that is not shown', () => {
    const store = fresh();
    const t = seed(store);
    const hits = store.search.search('francesinha', 10);
    expect(hits.map((h) => h.messageId)).toEqual([t.a3]);
    expect(store.conversations.get(t.c)?.currentLeafId).toBe(t.q3b);
  });

  it('forks the path up to a message with its settings, linked back, the source unchanged', () => {
    const store = fresh();
    const t = seed(store);
    store.messages.finish(t.a2b, {
      parts: [
        { type: 'reasoning', text: 'hills…' },
        { type: 'text', text: 'Lisbon: Alfama tram' },
      ],
      finishReason: 'stop',
      providerFinishReason: 'stop',
      timing: null,
      model: 'emu-2',
    });
    const before = store.messages.allOf(t.c).length;
    const fork = forkConversation(store, { conversationId: t.c, messageId: t.a2b });
    expect(fork.conversation).toMatchObject({
      title: 'Trip (fork)',
      systemPrompt: 'Be brief.',
      parameters: { temperature: 0.3 },
      profileId: 'openai',
      model: 'emu-1',
      forkedFrom: { conversationId: t.c, messageId: t.a2b, title: 'Trip' },
    });
    expect(fork.messages.map((m) => messageText(m.parts))).toEqual([
      'Plan a trip to Porto',
      'Day one: Ribeira',
      'What about Lisbon instead?',
      'Lisbon: Alfama tram',
    ]);
    expect(fork.messages.at(-1)?.parts[0]).toEqual({ type: 'reasoning', text: 'hills…' });
    expect(fork.messages.every((m) => m.conversationId === fork.conversation.id)).toBe(true);
    expect(fork.messages.map((m) => m.id)).not.toContain(t.a2b);
    expect(store.messages.allOf(t.c)).toHaveLength(before);
    // The title is the person's, not a provisional one the first answer would replace.
    expect(store.conversations.titleSource(fork.conversation.id)).toBe('user');
    // The link survives its source; the title then says it is gone.
    store.conversations.purge(t.c);
    const again = forkConversation(store, {
      conversationId: fork.conversation.id,
      messageId: fork.messages[1]!.id,
    });
    expect(again.messages).toHaveLength(2);
    expect(store.conversations.get(fork.conversation.id)?.forkedFrom?.conversationId).toBe(t.c);
  });

  it('refuses a fork from a message of another conversation', () => {
    const store = fresh();
    const t = seed(store);
    const other = store.conversations.create({ title: 'Other', settings: noSettings });
    expect(() => forkConversation(store, { conversationId: other.id, messageId: t.a1 })).toThrow(
      /no longer exists/,
    );
  });

  it('JSON export (version 3) keeps the tree, the branch left and the fork link; Markdown the shown branch', () => {
    const store = fresh();
    const t = seed(store);
    store.conversations.setCurrentLeaf(t.c, store.messages.leafFrom(t.c, t.q2));
    const fork = forkConversation(store, { conversationId: t.c, messageId: t.q2b });
    const file = toJsonExport(collectConversations(store, [t.c, fork.conversation.id]), 5);
    expect(JSON.parse(file.content).version).toBe(3);
    const markdown = toMarkdownExport(collectConversations(store, [t.c]), 5).content;
    expect(markdown).toContain('Try a francesinha');
    expect(markdown).not.toContain('Lisbon');

    const target = fresh();
    expect(importConversations(target, file.content, 'skip').conversations).toBe(2);
    expect(target.messages.allOf(t.c)).toHaveLength(9);
    expect(ids(target, t.c).at(-1)).toBe('Try a francesinha');
    // The branch left at message 3 comes back whole after a switch in the imported copy.
    target.conversations.setCurrentLeaf(t.c, target.messages.leafFrom(t.c, t.q2b));
    expect(ids(target, t.c).at(-1)).toBe('Is it hilly?');
    expect(target.conversations.get(fork.conversation.id)?.forkedFrom).toEqual({
      conversationId: t.c,
      messageId: t.q2b,
    });
  });

  it('a version-2 export still imports, its tree whole (newest child below each fork)', () => {
    const store = fresh();
    const t = seed(store);
    const v3 = JSON.parse(toJsonExport(collectConversations(store, [t.c]), 5).content);
    const v2 = {
      ...v3,
      version: 2,
      conversations: v3.conversations.map(
        (entry: { conversation: object; messages: object[] }) => ({
          conversation: { ...entry.conversation, forkedFrom: undefined },
          messages: entry.messages.map((m) => ({ ...m, shownChildId: undefined })),
        }),
      ),
    };
    const target = fresh();
    expect(importConversations(target, JSON.stringify(v2), 'skip').messages).toBe(9);
    expect(ids(target, t.c).at(-1)).toBe('Is it hilly?');
    expect(target.messages.allOf(t.c).every((m) => m.shownChildId === null)).toBe(true);
  });
});
