/**
 * Knowledge bases end to end over loopback: real folders of documents, a real SQLite file with
 * sqlite-vec and FTS5, and the emulator's embeddings (OpenAI's /v1/embeddings and Gemini's
 * batchEmbedContents): a 200-document collection indexed and searched for the right sources,
 * only a changed document read again, a cancelled pass resumed, and the embeddings faults.
 */
import { mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { embedderFor } from '../../src/main/core/knowledge/embeddingsClient';
import { KnowledgeService } from '../../src/main/core/knowledge/KnowledgeService';
import type { ProviderTarget, ProviderType } from '../../src/main/core/providers/types';
import { openDatabase } from '../../src/main/core/store/database';
import type { IndexProgress } from '../../src/shared/knowledge';
import { startEmulator, type Emulator } from '../emulator/server';
import { emulatorTarget } from '../support/engineRun';
import { writeCorpus, type CorpusFact } from '../support/knowledgeCorpus';
import { pngOf } from '../support/attachmentFiles';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const KEY = 'key-5f3a9c0d7e21b4a6';

interface Setup {
  service: KnowledgeService;
  folder: string;
  facts: CorpusFact[];
  progress: IndexProgress[];
  target: ProviderTarget;
}

function setup(docs: number, type: ProviderType = 'openai', apiKey = KEY): Setup {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-kb-'));
  const folder = join(dir, 'docs');
  const facts = writeCorpus(folder, docs);
  const { db } = openDatabase({ file: join(dir, 'switchboard.db') });
  const target = emulatorTarget(emulator, type, apiKey);
  const progress: IndexProgress[] = [];
  const service = new KnowledgeService({
    db: () => db,
    target: async () => target,
    onProgress: (p) => progress.push(p),
    // Short timeouts so a hanging server is given up on within the test.
    embedder: (t, model) => {
      const embed = embedderFor(t, model);
      return (texts, options) => embed(texts, { ...options, timeoutMs: 1500 });
    },
  });
  cleanups.push(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { service, folder, facts, progress, target };
}

async function indexed(
  s: Setup,
  model = 'emu-embed',
): Promise<{ id: string; last: IndexProgress }> {
  const { id } = await s.service.create({
    name: 'Products',
    folder: s.folder,
    profileId: 'p',
    model,
  });
  const last = (await s.service.settled(id))!;
  return { id, last };
}

const embedCalls = () => emulator.requests.filter((r) => /embed/i.test(r.path));

describe('a document without text', () => {
  it('is listed with why, in English and as its code (the person reads it in their language)', async () => {
    const s = setup(3);
    writeFileSync(join(s.folder, 'diagram.png'), await pngOf(32, 32));
    const { id, last } = await indexed(s);
    expect(last).toMatchObject({ state: 'done', total: 4 });
    const image = s.service.documents(id).find((d) => d.name === 'diagram.png');
    expect(image).toMatchObject({
      chunkCount: 0,
      problem: 'diagram.png: an image has no text to index.',
      problemSaid: { code: 'knowledge.docImage', params: { name: 'diagram.png' } },
    });
    expect(s.service.documents(id).filter((d) => d.problem)).toHaveLength(1);
  });
});

describe('a 200-document collection', () => {
  it('is indexed whole, and a question finds the document that answers it', async () => {
    const s = setup(200);
    const { id, last } = await indexed(s);
    expect(last).toMatchObject({ state: 'done', done: 200, total: 200, indexed: 200 });
    const collection = s.service.list()[0]!;
    expect(collection.documentCount).toBe(200);
    expect(collection.chunkCount).toBeGreaterThanOrEqual(200);
    expect(s.service.documents(id).filter((d) => d.problem)).toEqual([]);
    // A Markdown, a PDF and a code file, each asked about by its product's name.
    for (const fact of [s.facts[3]!, s.facts[17]!, s.facts[58]!]) {
      const hits = await s.service.search(
        [id],
        `How long is the warranty on the ${fact.name} ${fact.thing}?`,
      );
      expect(hits[0]!.documentPath).toBe(fact.file);
      // The passage with the answer is among those the model would be sent.
      const answer = hits.find((h) => h.text.includes(`warranty of ${fact.years} years`));
      expect(answer?.documentPath).toBe(fact.file);
    }
    // Progress went up one step at a time to the end.
    const counts = s.progress.filter((p) => p.state === 'indexing').map((p) => p.done);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });

  it('reads again only the document that changed, notes a touched one, drops a deleted one', async () => {
    const s = setup(200);
    const { id } = await indexed(s);
    const changed = s.facts[10]!;
    const touched = s.facts[11]!;
    const deleted = s.facts[12]!;
    writeFileSync(
      join(s.folder, changed.file),
      `# ${changed.name}\n\nThe ${changed.name} now ships with a solar charger.`,
    );
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(s.folder, touched.file), later, later);
    unlinkSync(join(s.folder, deleted.file));
    const before = embedCalls().length;
    s.service.index(id);
    const last = (await s.service.settled(id))!;
    expect(last).toMatchObject({ state: 'done', total: 199, indexed: 1, removed: 1 });
    const sent = embedCalls().slice(before);
    expect(sent).toHaveLength(1);
    expect((sent[0]!.body as { input: string[] }).input.join(' ')).toContain('solar charger');
    const hits = await s.service.search([id], `What does the ${changed.name} ship with?`);
    expect(hits[0]!.documentPath).toBe(changed.file);
    const gone = await s.service.search([id], `${deleted.name} ${deleted.thing}`);
    expect(gone.map((h) => h.documentPath)).not.toContain(deleted.file);
    // Nothing changed at all: no document is read and nothing is sent.
    const again = embedCalls().length;
    s.service.index(id);
    expect(await s.service.settled(id)).toMatchObject({ state: 'done', indexed: 0, removed: 0 });
    expect(embedCalls().length).toBe(again);
  });

  it('is cancelled part way, keeps what it indexed, and resumes from there', async () => {
    const s = setup(200);
    const { id } = await s.service.create({
      name: 'P',
      folder: s.folder,
      profileId: 'p',
      model: 'emu-embed-slow60',
    });
    await until(() => s.progress.some((p) => p.indexed > 0));
    await s.service.cancel(id);
    const cut = s.progress.at(-1)!;
    expect(cut.state).toBe('cancelled');
    const kept = s.service.list()[0]!.documentCount;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(200);
    s.service.index(id);
    const resumed = (await s.service.settled(id))!;
    expect(resumed).toMatchObject({ state: 'done', done: 200 });
    // The resumed pass embedded only what the first had not written.
    expect(resumed.indexed).toBe(200 - kept);
    expect(s.service.list()[0]!.documentCount).toBe(200);
  });
});

describe('a batch failing part way', () => {
  it('keeps the batches before it, in order, says why, and a second pass finishes from there', async () => {
    const s = setup(200);
    // Requests 3 to 11 fail: the third batch's three tries are among them whichever of the
    // batches in flight asks first (only three are sent before the oldest is written).
    const { id, last } = await indexed(s, 'emu-embed-fault500x9after2');
    expect(last.state).toBe('failed');
    expect(last.error).toMatch(/server failed/i);
    const kept = s.service.documents(id).map((d) => d.path);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(200);
    // What was written is the first documents in the folder's order, each whole.
    const order = [...s.facts.map((f) => f.file)].sort();
    expect(kept).toEqual(order.slice(0, kept.length));
    expect(last.indexed).toBe(kept.length);
    const counts = s.progress.map((p) => p.done);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    s.service.index(id);
    const resumed = (await s.service.settled(id))!;
    expect(resumed).toMatchObject({ state: 'done', done: 200, indexed: 200 - kept.length });
    expect(s.service.list()[0]!.documentCount).toBe(200);
  });
});

describe('Gemini batchEmbedContents', () => {
  it('indexes and answers through the Gemini wire', async () => {
    const s = setup(20, 'gemini');
    const { id, last } = await indexed(s, 'gemini-embedding-001');
    expect(last).toMatchObject({ state: 'done', indexed: 20 });
    const call = embedCalls().at(-1)!;
    expect(call.path).toBe('/v1beta/models/gemini-embedding-001:batchEmbedContents');
    expect(call.headers['x-goog-api-key']).toBe(KEY);
    const body = call.body as {
      requests: { model: string; content: { parts: { text: string }[] } }[];
    };
    expect(body.requests[0]!.model).toBe('models/gemini-embedding-001');
    const fact = s.facts[5]!;
    const hits = await s.service.search([id], `Where is the ${fact.name} designed?`);
    expect(hits[0]!.documentPath).toBe(fact.file);
  });
});

describe('embeddings faults', () => {
  it.each(['openai', 'gemini'] as const)(
    '%s: a refused key fails the pass with a clear message, no key in it',
    async (type) => {
      const bad = 'sk-emu-bad-77c1d9e0a4b3';
      const s = setup(5, type, bad);
      const { last } = await indexed(s);
      expect(last.state).toBe('failed');
      expect(last.error).toMatch(/refused|not valid|key/i);
      expect(JSON.stringify(s.progress)).not.toContain(bad);
    },
  );

  it.each(['openai', 'gemini'] as const)(
    '%s: a 429 once is waited out and the pass finishes',
    async (type) => {
      const s = setup(5, type);
      const { last } = await indexed(s, `emu-embed-${type}-fault429x1`);
      expect(last).toMatchObject({ state: 'done', indexed: 5 });
    },
  );

  it.each(['openai', 'gemini'] as const)(
    '%s: a server that keeps failing ends the pass with its message and keeps nothing half-written',
    async (type) => {
      const s = setup(5, type);
      const { id, last } = await indexed(s, 'emu-embed-fault500');
      expect(last.state).toBe('failed');
      expect(last.error).toMatch(/server failed/i);
      expect(s.service.documents(id)).toEqual([]);
    },
  );

  it.each(['openai', 'gemini'] as const)(
    '%s: a server that never answers times out (each try) and the pass says so',
    async (type) => {
      const s = setup(3, type);
      const { last } = await indexed(s, 'emu-embed-hang');
      expect(last.state).toBe('failed');
      expect(last.error).toMatch(/no answer within/);
      expect(last.errorSaid?.code).toBe('knowledge.noAnswer');
    },
    15_000,
  );

  it('refuses a folder that is not there, storing nothing', async () => {
    const s = setup(1);
    await expect(
      s.service.create({
        name: 'x',
        folder: join(s.folder, 'missing'),
        profileId: 'p',
        model: 'm',
      }),
    ).rejects.toThrow(/not a folder/);
    await expect(
      s.service.create({ name: 'x', folder: 'relative/path', profileId: 'p', model: 'm' }),
    ).rejects.toMatchObject({ said: { code: 'knowledge.fullPath' } });
    expect(s.service.list()).toEqual([]);
  });
});

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}
