import { describe, expect, it, vi } from 'vitest';
import type { ContextReport } from '../../../../src/shared/context';
import { installFakeApi, ok, type FakeApi } from './fakeApi';
import { noProfiles, stored, thread } from './chatFixtures';
import type * as ChatStore from '../../../../src/renderer/src/features/chat/store/chatStore';
import type * as ContextStore from '../../../../src/renderer/src/features/chat/store/contextStore';

let fake: FakeApi;

async function page() {
  vi.resetModules();
  fake = installFakeApi();
  fake.answer('listProfiles', () => ok(noProfiles));
  const chat =
    (await import('../../../../src/renderer/src/features/chat/store/chatStore')) as typeof ChatStore;
  const context =
    (await import('../../../../src/renderer/src/features/chat/store/contextStore')) as typeof ContextStore;
  return { ...chat, ...context };
}

const report = (patch: Partial<ContextReport>): ContextReport => ({
  usedTokens: 9000,
  windowTokens: 8192,
  windowSource: 'test',
  exact: true,
  reservedTokens: 0,
  passageTokens: 0,
  fits: false,
  policy: null,
  sentMessages: 4,
  totalMessages: 4,
  sentTokens: 9000,
  ...patch,
});

describe('context store', () => {
  it('holds Send while a request will not fit and nothing is chosen; recent-only lets it go', async () => {
    const { useContextStore, selectContextBlocks, useChatStore } = await page();
    fake.answer('getConversation', ({ conversationId }) =>
      ok(thread(conversationId, [stored('u', 'user', 'Q')])),
    );
    await useChatStore.getState().openConversation('c1');
    fake.answer('measureContext', () => ok(report({})));
    await useContextStore.getState().measure('draft');
    expect(fake.calls('measureContext').at(-1)).toMatchObject({
      conversationId: 'c1',
      draft: 'draft',
    });
    expect(selectContextBlocks(useContextStore.getState())).toBe(true);
    fake.answer('setContextPolicy', () => ok(thread('c1', []).conversation));
    fake.answer('measureContext', () => ok(report({ policy: 'recent', sentMessages: 2 })));
    await useContextStore.getState().choose('recent');
    expect(fake.calls('setContextPolicy')).toEqual([{ conversationId: 'c1', policy: 'recent' }]);
    expect(fake.calls('measureContext').at(-1)).toMatchObject({ draft: 'draft' });
    expect(selectContextBlocks(useContextStore.getState())).toBe(false);
  });

  it('summarizes once on choosing summary, and shows the thread with the summary at its end', async () => {
    const { useContextStore, useChatStore } = await page();
    fake.answer('getConversation', ({ conversationId }) =>
      ok(thread(conversationId, [stored('u', 'user', 'Q')])),
    );
    await useChatStore.getState().openConversation('c1');
    fake.answer('setContextPolicy', () => ok(thread('c1', []).conversation));
    const summary = { ...stored('s', 'assistant', 'They asked Q.'), role: 'system' as const };
    fake.answer('summarizeContext', () => ok(thread('c1', [stored('u', 'user', 'Q'), summary])));
    fake.answer('measureContext', () => ok(report({ fits: true, policy: 'summary' })));
    await useContextStore.getState().choose('summary');
    expect(fake.calls('summarizeContext')).toEqual([{ conversationId: 'c1' }]);
    expect(useChatStore.getState().messages.at(-1)).toMatchObject({ id: 's', summary: true });
    expect(useContextStore.getState()).toMatchObject({ summarizing: false, error: null });
  });
});
