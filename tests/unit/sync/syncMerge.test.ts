import { describe, expect, it } from 'vitest';
import { mergeConversation } from '../../../src/main/core/sync/syncMerge';
import { baseEntryOf, type ConversationRecord } from '../../../src/main/core/sync/syncRecords';

const message = (id: string, text: string, parent: string | null = null, at = 1) => ({
  id,
  row: { id, conversation_id: 'c', parent_id: parent, parts: text, created_at: at, updated_at: at },
});
const conversation = (messages: ConversationRecord['messages'], title = 'T', at = 1) => ({
  id: 'c',
  row: { id: 'c', title, updated_at: at, current_leaf_id: messages.at(-1)?.id ?? null },
  messages,
});

describe('three-way merge of one conversation', () => {
  const base = conversation([message('q', 'question'), message('a', 'answer', 'q')]);

  it('keeps what either side added and drops what one side deleted and the other left', () => {
    const local = conversation([message('q', 'question'), message('l', 'local', 'q', 2)], 'T', 2);
    const remote = conversation(
      [message('q', 'question'), message('a', 'answer', 'q'), message('r', 'remote', 'q', 3)],
      'Renamed',
      3,
    );
    const { merged, copy } = mergeConversation(baseEntryOf(base), local, remote);
    expect(copy).toBeNull();
    expect(merged.messages.map((m) => m.id).sort()).toEqual(['l', 'q', 'r']);
    // The title only the other side changed is taken; the newer side's leaf is shown.
    expect(merged.row.title).toBe('Renamed');
    expect(merged.row.current_leaf_id).toBe('r');
  });

  it('keeps both versions when the same message changed on both sides', () => {
    const local = conversation([message('q', 'question'), message('a', 'local edit', 'q')]);
    const remote = conversation([message('q', 'question'), message('a', 'remote edit', 'q')]);
    const { merged, copy } = mergeConversation(baseEntryOf(base), local, remote);
    expect(merged.messages.find((m) => m.id === 'a')?.row.parts).toBe('local edit');
    expect(copy?.row.title).toBe('T (from other machine)');
    expect(copy?.messages.map((m) => m.row.parts).sort()).toEqual(['question', 'remote edit']);
    // New ids throughout, the tree kept, and the same clash makes the same copy.
    expect(copy?.messages.some((m) => m.id === 'a' || m.id === 'q')).toBe(false);
    const copiedAnswer = copy!.messages.find((m) => m.row.parts === 'remote edit')!;
    expect(copiedAnswer.row.parent_id).toBe(
      copy!.messages.find((m) => m.row.parts === 'question')!.id,
    );
    expect(mergeConversation(baseEntryOf(base), local, remote).copy?.id).toBe(copy?.id);
  });

  it('an edit beats a delete of the same message', () => {
    const local = conversation([message('q', 'question')]);
    const remote = conversation([message('q', 'question'), message('a', 'edited', 'q')]);
    const { merged, copy } = mergeConversation(baseEntryOf(base), local, remote);
    expect(copy).toBeNull();
    expect(merged.messages.map((m) => m.row.parts).sort()).toEqual(['edited', 'question']);
  });
});
