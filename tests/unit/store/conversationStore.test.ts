import { messageText } from '../../../src/shared/messageParts';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/main/core/store/Store';
import { openStore } from '../../../src/main/core/store/Store';
import { noSettings, tempStore } from './helpers';

let current: Store | null = null;
afterEach(() => current?.close());
function setup() {
  const made = tempStore();
  current = made.store;
  return made;
}

describe('ConversationStore', () => {
  it('lists newest first with pinned on top, in pages that cover every row once', () => {
    const { store } = setup();
    const ids = Array.from(
      { length: 7 },
      (_, i) => store.conversations.create({ title: `c${i}`, settings: noSettings }).id,
    );
    store.conversations.setPinned(ids[1]!, true);
    store.conversations.touch(ids[3]!, null); // answered last: newest
    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const page = store.conversations.list({ cursor, limit: 3 });
      titles.push(...page.items.map((c) => c.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(titles).toEqual(['c1', 'c3', 'c6', 'c5', 'c4', 'c2', 'c0']);
  });

  it('renames, and a model-made title never replaces a name the person gave', () => {
    const { store } = setup();
    const a = store.conversations.create({ title: 'first words', settings: noSettings });
    const b = store.conversations.create({ title: 'other', settings: noSettings });
    expect(store.conversations.setAutoTitle(a.id, 'Model title')).toBe(true);
    expect(store.conversations.rename(b.id, 'Mine')?.title).toBe('Mine');
    expect(store.conversations.setAutoTitle(b.id, 'Model title')).toBe(false);
    expect(store.conversations.get(b.id)?.title).toBe('Mine');
  });

  it('deletes softly: hidden at once, back with undo, purged after the window', () => {
    const { store, clock } = setup();
    const a = store.conversations.create({ title: 'a', settings: noSettings });
    store.messages.append({ conversationId: a.id, parentId: null, role: 'user', content: 'hello' });
    store.conversations.softDelete(a.id);
    expect(store.conversations.list({ limit: 10 }).items).toEqual([]);
    expect(store.conversations.get(a.id)).toBeNull();
    expect(store.conversations.restore(a.id)?.title).toBe('a');
    store.conversations.softDelete(a.id);
    clock.set(clock.now() + 120_000);
    expect(store.conversations.purgeDeleted(clock.now() - 60_000)).toBe(1);
    expect(store.conversations.restore(a.id)).toBeNull();
    expect(store.db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 0 });
  });

  it('keeps versions: regenerated answers and edited questions are siblings, the thread follows the chosen one', () => {
    const { store } = setup();
    const c = store.conversations.create({ title: 'v', settings: noSettings });
    const q = store.messages.append({
      conversationId: c.id,
      parentId: null,
      role: 'user',
      content: 'q',
    });
    const a1 = store.messages.append({
      conversationId: c.id,
      parentId: q.id,
      role: 'assistant',
      content: 'a1',
    });
    const a2 = store.messages.append({
      conversationId: c.id,
      parentId: q.id,
      role: 'assistant',
      content: 'a2',
    });
    const q2 = store.messages.append({
      conversationId: c.id,
      parentId: a1.id,
      role: 'user',
      content: 'follow-up',
    });
    store.conversations.touch(c.id, a2.id);
    let thread = store.messages.thread(c.id, store.conversations.get(c.id)!.currentLeafId);
    expect(thread.map((m) => messageText(m.parts))).toEqual(['q', 'a2']);
    expect(thread[1]!.versionIds).toEqual([a1.id, a2.id]);
    // Flipping back to a1 brings its follow-up with it.
    store.conversations.setCurrentLeaf(c.id, store.messages.leafFrom(c.id, a1.id));
    thread = store.messages.thread(c.id, store.conversations.get(c.id)!.currentLeafId);
    expect(thread.map((m) => messageText(m.parts))).toEqual(['q', 'a1', 'follow-up']);
    expect(thread[2]!.id).toBe(q2.id);
    expect(thread[0]!.versionIds).toEqual([q.id]);
  });

  it('at the next open, an answer left streaming by a crash is interrupted, with its saved text', () => {
    const { store, dir } = setup();
    const c = store.conversations.create({ title: 'crash', settings: noSettings });
    const q = store.messages.append({
      conversationId: c.id,
      parentId: null,
      role: 'user',
      content: 'q',
    });
    const a = store.messages.append({
      conversationId: c.id,
      parentId: q.id,
      role: 'assistant',
      content: '',
      status: 'streaming',
    });
    store.messages.saveStreamingParts(a.id, [{ type: 'text', text: 'partial text' }]);
    store.close();
    const reopened = openStore({ dataDir: dir });
    current = reopened;
    expect(reopened.recoveredAnswers).toBe(1);
    const message = reopened.messages.get(a.id)!;
    expect(message).toMatchObject({
      status: 'done',
      parts: [{ type: 'text', text: 'partial text' }],
      finishReason: 'error',
    });
    expect(message.error?.kind).toBe('interrupted');
  });

  it('keeps each conversation’s own model, system prompt and parameters', () => {
    const { store } = setup();
    const c = store.conversations.create({ title: 's', settings: noSettings });
    store.conversations.updateSettings(c.id, {
      model: 'other-model',
      systemPrompt: 'Be brief.',
      parameters: { temperature: 0.3 },
    });
    expect(store.conversations.get(c.id)).toMatchObject({
      model: 'other-model',
      systemPrompt: 'Be brief.',
      parameters: { temperature: 0.3 },
      profileId: 'openai',
    });
  });
});
