import { describe, expect, it, vi } from 'vitest';
import { failed, installFakeApi, ok, type FakeApi } from './fakeApi';
import type * as KnowledgeStore from '../../../../src/renderer/src/features/knowledge/store/knowledgeStore';
import type { IndexProgress, KnowledgeCollection } from '../../../../src/shared/knowledge';

let fake: FakeApi;

async function page() {
  vi.resetModules();
  fake = installFakeApi();
  return (await import('../../../../src/renderer/src/features/knowledge/store/knowledgeStore')) as typeof KnowledgeStore;
}

const collection: KnowledgeCollection = {
  ...{ id: 'k1', name: 'Manuals', folder: '/docs', profileId: 'p', model: 'emu-embed' },
  ...{ documentCount: 0, chunkCount: 0, indexedAt: null },
};
const progress = (state: IndexProgress['state'], done: number): IndexProgress => ({
  ...{ collectionId: 'k1', state, done, total: 10, indexed: done, removed: 0 },
});

describe('knowledgeStore', () => {
  it('creates a collection and follows its pass live, refreshing the counts when it ends', async () => {
    const { useKnowledgeStore, subscribeToKnowledge } = await page();
    fake.answer('createKnowledgeCollection', () => ok(collection));
    let listed = [collection];
    fake.answer('listKnowledge', () => ok({ collections: listed, progress: [] }));
    subscribeToKnowledge();
    const input = { name: 'Manuals', folder: '/docs', profileId: 'p', model: 'emu-embed' };
    expect(await useKnowledgeStore.getState().create(input)).toBe(true);
    expect(fake.calls('createKnowledgeCollection')).toEqual([input]);
    fake.emit('knowledgeProgress', progress('indexing', 4));
    expect(useKnowledgeStore.getState().progress.k1).toMatchObject({ state: 'indexing', done: 4 });
    expect(fake.calls('listKnowledge')).toHaveLength(1);
    listed = [{ ...collection, documentCount: 10, chunkCount: 30 }];
    fake.emit('knowledgeProgress', progress('done', 10));
    await vi.waitFor(() =>
      expect(useKnowledgeStore.getState().collections?.[0]?.documentCount).toBe(10),
    );
  });

  it('keeps main’s refusal as the message to show, and nothing is listed', async () => {
    const { useKnowledgeStore } = await page();
    fake.answer('createKnowledgeCollection', () => failed('/nowhere is not a folder here.'));
    const made = await useKnowledgeStore
      .getState()
      .create({ name: 'x', folder: '/nowhere', profileId: 'p', model: 'm' });
    expect(made).toBe(false);
    expect(useKnowledgeStore.getState().error).toBe('/nowhere is not a folder here.');
    expect(useKnowledgeStore.getState().collections).toBeNull();
  });

  it('cancels and resumes through main, and loads a collection’s documents', async () => {
    const { useKnowledgeStore } = await page();
    fake.answer('cancelKnowledgeIndex', () => ok({ cancelled: true }));
    fake.answer('indexKnowledgeCollection', () => ok({ started: true }));
    const doc = { path: 'a.md', name: 'a.md', size: 3, chunkCount: 1, problem: null };
    fake.answer('listKnowledgeDocuments', () => ok([doc]));
    await useKnowledgeStore.getState().cancel('k1');
    await useKnowledgeStore.getState().index('k1');
    await useKnowledgeStore.getState().loadDocuments('k1');
    expect(fake.calls('cancelKnowledgeIndex')).toEqual([{ id: 'k1' }]);
    expect(fake.calls('indexKnowledgeCollection')).toEqual([{ id: 'k1' }]);
    expect(useKnowledgeStore.getState().documents.k1).toEqual([doc]);
  });
});
