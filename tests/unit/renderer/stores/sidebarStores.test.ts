import { describe, expect, it, vi } from 'vitest';
import { failed, installFakeApi, ok, type FakeApi } from './fakeApi';
import type * as ConversationsStore from '../../../../src/renderer/src/features/sidebar/store/conversationsStore';
import type * as SidebarLayout from '../../../../src/renderer/src/features/sidebar/store/sidebarLayout';
import type { ConversationSummary, SearchHit } from '../../../../src/shared/conversations';

const dir = '../../../../src/renderer/src/features/sidebar/store';
let fake: FakeApi;

async function page() {
  vi.resetModules();
  fake = installFakeApi();
  return {
    ...((await import(`${dir}/conversationsStore`)) as typeof ConversationsStore),
    ...((await import(`${dir}/sidebarLayout`)) as typeof SidebarLayout),
  };
}

const summary = (id: string): ConversationSummary => ({
  id,
  title: `Title ${id}`,
  pinned: false,
  createdAt: 0,
  updatedAt: 0,
});

describe('conversations store', () => {
  it('lists pages of conversations without showing one twice', async () => {
    const { useConversationsStore } = await page();
    fake.answer('listConversations', ({ cursor }) =>
      ok(
        cursor
          ? { items: [summary('b'), summary('c')], nextCursor: null }
          : { items: [summary('a'), summary('b')], nextCursor: 'next' },
      ),
    );
    await useConversationsStore.getState().refresh();
    await useConversationsStore.getState().loadMore();
    expect(useConversationsStore.getState().items.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(useConversationsStore.getState().nextCursor).toBeNull();
  });

  it('offers to undo a delete, and restores on undo', async () => {
    const { useConversationsStore } = await page();
    fake.answer('listConversations', () => ok({ items: [summary('a')], nextCursor: null }));
    await useConversationsStore.getState().refresh();
    fake.answer('deleteConversation', () => ok({ deleted: true }));
    await useConversationsStore.getState().remove('a');
    expect(useConversationsStore.getState().items).toEqual([]);
    expect(useConversationsStore.getState().pendingUndo).toEqual({ id: 'a', title: 'Title a' });
    fake.answer('restoreConversation', () => ok(summary('a')));
    await useConversationsStore.getState().undoRemove();
    expect(fake.calls('restoreConversation')).toEqual([{ conversationId: 'a' }]);
    expect(useConversationsStore.getState().items.map((c) => c.id)).toEqual(['a']);
    useConversationsStore.getState().dismissUndo();
  });

  it("shows only the latest keystroke's search hits, whatever order they come back in", async () => {
    const { useConversationsStore } = await page();
    const hit = (title: string) =>
      ({ conversationId: title, conversationTitle: title }) as SearchHit;
    let releaseSlow: () => void = () => {};
    fake.answer('searchConversations', ({ query }) =>
      query === 'ap'
        ? new Promise((resolve) => (releaseSlow = () => resolve(ok([hit('stale')]))))
        : ok([hit('apple')]),
    );
    const slow = useConversationsStore.getState().search('ap');
    await useConversationsStore.getState().search('apple');
    releaseSlow();
    await slow;
    expect(useConversationsStore.getState().hits.map((h) => h.conversationTitle)).toEqual([
      'apple',
    ]);
  });

  it('asks before importing what is already here, and imports nothing when cancelled', async () => {
    const { useConversationsStore } = await page();
    const preview = { format: 'switchboard', conversations: 2, messages: 4, alreadyPresent: 1 };
    fake.answer('previewImport', () => ok(preview as never));
    const file = { name: 'chats.json', text: async () => '{"x":1}' } as File;
    await useConversationsStore.getState().importFile(file);
    expect(useConversationsStore.getState().pendingImport).toMatchObject({
      fileName: 'chats.json',
    });
    await useConversationsStore.getState().finishImport(null);
    expect(useConversationsStore.getState().pendingImport).toBeNull();
    expect(fake.calls('importConversations')).toHaveLength(0);
  });

  it('says when an export failed', async () => {
    const { useConversationsStore } = await page();
    fake.answer('exportConversations', () => failed('The disk is full'));
    await useConversationsStore.getState().exportConversations('json');
    expect(useConversationsStore.getState().notice).toEqual({
      kind: 'error',
      text: 'The disk is full',
    });
  });
});

describe('sidebar layout', () => {
  it('keeps the sidebar folded across reloads', async () => {
    const { useSidebarLayout } = await page();
    expect(useSidebarLayout.getState().collapsed).toBe(false);
    useSidebarLayout.getState().toggle();
    vi.resetModules();
    const again = (await import(`${dir}/sidebarLayout`)) as typeof SidebarLayout;
    expect(again.useSidebarLayout.getState().collapsed).toBe(true);
  });
});
