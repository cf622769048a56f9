import { describe, expect, it, vi } from 'vitest';
import { failed, installFakeApi, ok, type FakeApi } from './fakeApi';
import type * as CompareStore from '../../../../src/renderer/src/features/compare/store/compareStore';
import type { CompareFiguresView } from '../../../../src/shared/compare';

let fake: FakeApi;

async function page() {
  vi.resetModules();
  fake = installFakeApi();
  const store =
    (await import('../../../../src/renderer/src/features/compare/store/compareStore')) as typeof CompareStore;
  store.subscribeToCompare();
  return store;
}

const lanes = [
  { profileId: 'p1', model: 'gpt-x' },
  { profileId: 'p2', model: 'claude-y' },
];
const started = {
  compareId: 'k1',
  lanes: [
    { profileId: 'p1', profileName: 'Work', model: 'gpt-x' },
    { profileId: 'p2', profileName: 'Home', model: 'claude-y' },
  ],
};
const figures = {} as CompareFiguresView;

describe('compare store', () => {
  it('names each column as the selector does and folds its batches into it', async () => {
    const { useCompareStore, isRunning } = await page();
    fake.answer('startCompare', () => ok(started as never));
    await useCompareStore.getState().run('Hi', lanes as never);
    expect(fake.calls('startCompare')[0]).toMatchObject({ prompt: 'Hi', stream: true });
    fake.emit('compareStream', {
      compareId: 'k1',
      lane: 1,
      events: [{ type: 'text', text: 'B' }],
    } as never);
    fake.emit('compareStream', {
      compareId: 'k1',
      lane: 0,
      events: [{ type: 'text', text: 'A' }],
      figures,
    } as never);
    // A batch of an earlier comparison lands nowhere.
    fake.emit('compareStream', {
      compareId: 'old',
      lane: 0,
      events: [{ type: 'text', text: '!' }],
    } as never);
    const { columns } = useCompareStore.getState();
    expect(columns.map((c) => c.text)).toEqual(['A', 'B']);
    expect(columns[0]?.title).toContain('gpt-x');
    expect(columns[0]?.title).toContain('Work');
    expect(isRunning(columns)).toBe(true);
  });

  it('shows why a comparison could not start, and a column that could not go on', async () => {
    const { useCompareStore } = await page();
    fake.answer('startCompare', () => failed('Pick at least two'));
    await useCompareStore.getState().run('Hi', lanes as never);
    expect(useCompareStore.getState().error).toBe('Pick at least two');
    fake.answer('startCompare', () => ok(started as never));
    await useCompareStore.getState().run('Hi', lanes as never);
    expect(useCompareStore.getState().error).toBeNull();
    fake.answer('continueCompare', () => failed('The history is read-only'));
    expect(await useCompareStore.getState().continueLane(0)).toBeNull();
    expect(useCompareStore.getState().error).toBe('The history is read-only');
    fake.answer('continueCompare', () => ok({ conversationId: 'c9' } as never));
    expect(await useCompareStore.getState().continueLane(0)).toBe('c9');
  });

  it('stops the comparison on screen', async () => {
    const { useCompareStore } = await page();
    useCompareStore.getState().stop();
    expect(fake.calls('stopCompare')).toHaveLength(0);
    fake.answer('startCompare', () => ok(started as never));
    fake.answer('stopCompare', () => ok({} as never));
    await useCompareStore.getState().run('Hi', lanes as never);
    useCompareStore.getState().stop();
    expect(fake.calls('stopCompare')).toEqual([{ compareId: 'k1' }]);
  });
});
