/**
 * A knowledge pass cut off by quitting the app goes on at the next start: the whole core (the
 * handler table the app and the harness use) closed while a folder indexes against the
 * emulator's slow embeddings, then opened again on the same data folder. A pass the person
 * cancelled stays cancelled.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/createCore';
import type { EventPayloads } from '../../src/shared/ipc';
import type { IndexProgress } from '../../src/shared/knowledge';
import { startEmulator, type Emulator } from '../emulator/server';
import { writeCorpus } from '../support/knowledgeCorpus';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

const open: Core[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const core of open.splice(0)) await core.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A core on `dir` (the app's data folder), its knowledge progress events collected. */
function start(dir: string) {
  const progress: IndexProgress[] = [];
  const core = createCore({
    dataDir: dir,
    env: {
      OPENAI_BASE_URL: emulator.url,
      OPENAI_API_KEY: 'sk-kb-5e6f7a8b',
      SWITCHBOARD_MODEL: 'emu-1',
    },
    appInfo: {
      name: 'Switchboard',
      version: '0.0.0',
      platform: process.platform,
      shell: 'harness',
    },
    emit: <E extends keyof EventPayloads>(event: E, payload: EventPayloads[E]) => {
      if (event === 'knowledgeProgress') progress.push(payload as IndexProgress);
    },
  });
  open.push(core);
  return { core, progress };
}

async function close(core: Core): Promise<void> {
  open.splice(open.indexOf(core), 1);
  await core.close();
}

async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A data folder with a 200-document folder, its collection made and indexing slowly. */
async function indexing() {
  const dir = mkdtempSync(join(tmpdir(), 'sb-kb-resume-'));
  dirs.push(dir);
  const folder = join(dir, 'docs');
  writeCorpus(folder, 200);
  const first = start(dir);
  const { profiles } = await first.core.handlers.listProfiles({});
  const collection = await first.core.handlers.createKnowledgeCollection({
    ...{ name: 'Products', folder, profileId: profiles[0]!.id, model: 'emu-embed-slow60' },
  });
  await until(() => first.progress.some((p) => p.indexed > 0));
  return { dir, first, id: collection.id };
}

describe('a knowledge pass and the app quitting', () => {
  it('goes on at the next start from the documents already written', async () => {
    const { dir, first, id } = await indexing();
    await close(first.core);
    expect(first.progress.at(-1)!.state).toBe('cancelled');

    const second = start(dir);
    const kept = (await second.core.handlers.listKnowledge({})).collections[0]!.documentCount;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(200);
    await until(() => second.progress.some((p) => p.collectionId === id && p.state === 'done'));
    const done = second.progress.at(-1)!;
    // Only what the first run had not written was embedded again.
    expect(done).toMatchObject({ state: 'done', done: 200, total: 200, indexed: 200 - kept });
    const overview = await second.core.handlers.listKnowledge({});
    expect(overview.collections[0]).toMatchObject({ documentCount: 200 });
    expect(overview.collections[0]!.indexedAt).not.toBeNull();

    // Finished: a third start has nothing to resume.
    await close(second.core);
    const third = start(dir);
    await new Promise((r) => setTimeout(r, 300));
    expect(third.progress).toEqual([]);
  }, 60_000);

  it('a pass the person cancelled is not started again by the next start', async () => {
    const { dir, first, id } = await indexing();
    await first.core.handlers.cancelKnowledgeIndex({ id });
    await close(first.core);
    const second = start(dir);
    await new Promise((r) => setTimeout(r, 300));
    expect(second.progress).toEqual([]);
    expect((await second.core.handlers.listKnowledge({})).progress).toEqual([]);
    // Resume is the person's to press, and it goes on from there.
    await second.core.handlers.indexKnowledgeCollection({ id });
    await until(() => second.progress.some((p) => p.state === 'done'));
    expect(second.progress.at(-1)).toMatchObject({ state: 'done', done: 200 });
  }, 60_000);
});
