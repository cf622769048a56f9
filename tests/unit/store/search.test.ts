import { afterEach, describe, expect, it } from 'vitest';
import { planFtsQueries, toSegments } from '../../../src/main/core/store/ConversationSearch';
import type { Store } from '../../../src/main/core/store/Store';
import { noSettings, tempStore } from './helpers';

let current: Store | null = null;
afterEach(() => current?.close());

describe('ConversationSearch', () => {
  it('finds a conversation by its title, every word in any case, with the words marked', () => {
    const { store } = tempStore();
    current = store;
    const renamed = store.conversations.create({
      title: 'Trip to Porto 100%',
      settings: noSettings,
    });
    store.messages.append({
      conversationId: renamed.id,
      parentId: null,
      role: 'user',
      content: 'Nothing about the place here',
    });
    store.conversations.create({ title: 'Other', settings: noSettings });
    const hits = store.search.search('porto TRIP', 10);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ conversationId: renamed.id, messageId: null, role: null });
    expect(hits[0]!.segments).toEqual([
      { text: 'Trip', match: true },
      { text: ' to ', match: false },
      { text: 'Porto', match: true },
      { text: ' 100%', match: false },
    ]);
    // LIKE's wildcards in the search are plain text: "_" matches no title here.
    expect(store.search.search('10_', 10)).toHaveLength(0);
    expect(store.search.search('100%', 10)).toHaveLength(1);
  });

  it('finds words in any message, newest first, with the match marked as a segment', () => {
    const { store } = tempStore();
    current = store;
    const c = store.conversations.create({ title: 'Trips', settings: noSettings });
    const q = store.messages.append({
      conversationId: c.id,
      parentId: null,
      role: 'user',
      content: 'Plan a trip to Lisbon in spring',
    });
    const a = store.messages.append({
      conversationId: c.id,
      parentId: q.id,
      role: 'assistant',
      content: 'Lisbon is lovely; take the tram.',
    });
    const hits = store.search.search('lisbon', 10);
    expect(hits.map((h) => h.messageId)).toEqual([a.id, q.id]);
    expect(hits[0]).toMatchObject({
      conversationId: c.id,
      conversationTitle: 'Trips',
      role: 'assistant',
    });
    expect(hits[0]!.segments).toEqual([
      { text: 'Lisbon', match: true },
      { text: ' is lovely; take the tram.', match: false },
    ]);
    // The last word is a prefix while typing; every word must match.
    expect(store.search.search('lisb', 10)).toHaveLength(2);
    expect(store.search.search('lisbon tram', 10).map((h) => h.messageId)).toEqual([a.id]);
  });

  it('follows edits of streamed text and leaves deleted conversations out', () => {
    const { store } = tempStore();
    current = store;
    const c = store.conversations.create({ title: 'x', settings: noSettings });
    const m = store.messages.append({
      conversationId: c.id,
      parentId: null,
      role: 'assistant',
      content: '',
      status: 'streaming',
    });
    store.messages.saveStreamingParts(m.id, [{ type: 'text', text: 'quantum entanglement' }]);
    expect(store.search.search('entanglement', 5)).toHaveLength(1);
    store.conversations.softDelete(c.id);
    expect(store.search.search('entanglement', 5)).toHaveLength(0);
  });

  it('treats FTS syntax in the input as plain words', () => {
    expect(planFtsQueries('a" OR NEAR(b')).toEqual(['"a" "OR" "NEAR(b"', '"a" "OR" "NEAR(b"*']);
    expect(planFtsQueries('   ')).toEqual([]);
    expect(planFtsQueries('*** ---')).toEqual([]);
  });

  it('matches the last word as a prefix through the prefix index, or after the exact word falls short', () => {
    expect(planFtsQueries('x')).toEqual(['"x"']);
    expect(planFtsQueries('tide ka')).toEqual(['"tide" "ka"*']);
    expect(planFtsQueries('lisb')).toEqual(['"lisb"*']);
    expect(planFtsQueries('lisbon')).toEqual(['"lisbon"', '"lisbon"*']);
  });

  it('lists exact matches before longer words that only share the prefix, without repeats', () => {
    const { store } = tempStore();
    current = store;
    const c = store.conversations.create({ title: 'x', settings: noSettings });
    const exact = store.messages.append({
      conversationId: c.id,
      parentId: null,
      role: 'user',
      content: 'about tides',
    });
    const longer = store.messages.append({
      conversationId: c.id,
      parentId: exact.id,
      role: 'assistant',
      content: 'tidesmen and tides',
    });
    const only = store.messages.append({
      conversationId: c.id,
      parentId: longer.id,
      role: 'user',
      content: 'tidesman',
    });
    expect(store.search.search('tides', 10).map((h) => h.messageId)).toEqual([
      longer.id,
      exact.id,
      only.id,
    ]);
    expect(store.search.search('tides', 2).map((h) => h.messageId)).toEqual([longer.id, exact.id]);
    expect(() => store.search.search('"unbalanced ( AND OR NOT', 5)).not.toThrow();
  });

  it('cuts snippets into plain and matched pieces without any markup', () => {
    expect(toSegments('…a \u0002b\u0003 c \u0002<img>\u0003')).toEqual([
      { text: '…a ', match: false },
      { text: 'b', match: true },
      { text: ' c ', match: false },
      { text: '<img>', match: true },
    ]);
  });
});
