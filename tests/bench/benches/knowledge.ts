import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hybridSearch } from '../../../src/main/core/knowledge/hybridSearch';
import { KnowledgeService } from '../../../src/main/core/knowledge/KnowledgeService';
import { openDatabase, type SqliteDatabase } from '../../../src/main/core/store/database';
import { startEmulator, type Emulator } from '../../emulator/server';
import { emulatorTarget } from '../../support/engineRun';
import { productName } from '../../support/knowledgeCorpus';
import type { Bench } from '../types';

/** Documents × sections: each section one passage of about 300 tokens, 10k passages in all. */
const FULL = { documents: 2_000, sections: 5, queries: 300 };
/** npm run test:bench: proves the bench runs, measures nothing. */
const QUICK = { documents: 40, sections: 5, queries: 10 };

/**
 * Words of made-up prose, drawn by Zipf's law (the n-th word about 1/n as often as the first), as
 * words are in real text: a question's rarer words match a few passages, its common ones many.
 */
const syllables = [
  'ka',
  'lo',
  'mi',
  'ne',
  'ru',
  'sa',
  'ti',
  'vo',
  'be',
  'da',
  'fu',
  'go',
  'hi',
  'ja',
];
const vocabulary = syllables.flatMap((a) =>
  syllables.flatMap((b) => syllables.map((c) => a + b + c)),
);
const zipf = (() => {
  const weights = vocabulary.map((_, rank) => 1 / (rank + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return weights.map((w) => (sum += w / total));
})();

function zipfWord(u: number): string {
  let lo = 0;
  let hi = zipf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (zipf[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return vocabulary[lo]!;
}

/** A section of 130 words (about 300 tokens) of Zipf prose, its product named in it. */
function section(doc: number, n: number): string {
  let seed = doc * 31 + n * 7 + 1;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const words = Array.from({ length: 130 }, () => zipfWord(random()));
  return `## Part ${n}\n\n${productName(doc)} part ${n}: ${words.join(' ')}.`;
}

function writeFolder(folder: string, size: typeof FULL): void {
  for (let d = 0; d < size.documents; d += 1) {
    const dir = join(folder, `group-${d % 20}`);
    mkdirSync(dir, { recursive: true });
    const body = Array.from({ length: size.sections }, (_, n) => section(d, n)).join('\n\n');
    writeFileSync(join(dir, `doc-${d}.md`), `# ${productName(d)}\n\n${body}`);
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

/**
 * The emulator's own speed: the same passages posted to its /v1/embeddings in the batches the
 * indexer uses, nothing else done, so the ratio says how much our pass adds to the server's time.
 */
async function serverOnly(emulator: Emulator, texts: string[]): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < texts.length; i += 64) {
    const response = await fetch(`${emulator.url}/embeddings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
      body: JSON.stringify({ model: 'emu-embed', input: texts.slice(i, i + 64) }),
    });
    await response.json();
  }
  return performance.now() - started;
}

async function timeQueries(
  db: SqliteDatabase,
  service: KnowledgeService,
  id: string,
  queries: number,
) {
  const whole: number[] = [];
  const local: number[] = [];
  for (let q = 0; q < queries; q += 1) {
    const question = `What does ${productName((q * 37) % 2000)} part ${q % 5} say about ${zipfWord(((q * 7919) % 1000) / 1000)} ${zipfWord(((q * 104_729) % 1000) / 1000)}?`;
    let started = performance.now();
    const hits = await service.search([id], question);
    whole.push(performance.now() - started);
    if (hits.length === 0) throw new Error('a query found nothing');
    const embedding = new Float32Array(256).fill(1 / 16);
    started = performance.now();
    hybridSearch(db, service.store.vectors, { collectionIds: [id], text: question, embedding });
    local.push(performance.now() - started);
  }
  whole.sort((a, b) => a - b);
  local.sort((a, b) => a - b);
  return {
    p50: percentile(whole, 0.5),
    p95: percentile(whole, 0.95),
    localP95: percentile(local, 0.95),
  };
}

const bench: Bench = {
  name: 'knowledge',
  description: 'Knowledge base: index ~10k passages through the emulator, then hybrid queries',
  async run(log, options) {
    const size = options.quick ? QUICK : FULL;
    const dir = mkdtempSync(join(tmpdir(), 'sb-bench-kb-'));
    const emulator = await startEmulator();
    const { db } = openDatabase({ file: join(dir, 'switchboard.db') });
    try {
      const folder = join(dir, 'docs');
      writeFolder(folder, size);
      const target = emulatorTarget(emulator, 'openai', 'bench-key-0a1b2c');
      const service = new KnowledgeService({
        db: () => db,
        target: async () => target,
        onProgress: () => undefined,
      });
      const started = performance.now();
      const { id } = await service.create({
        name: 'bench',
        folder,
        profileId: 'p',
        model: 'emu-embed',
      });
      const done = await service.settled(id);
      const indexMs = performance.now() - started;
      if (done?.state !== 'done') throw new Error(`indexing ended ${done?.state}: ${done?.error}`);
      const chunks = service.list()[0]!.chunkCount;
      const texts = (
        db.prepare('SELECT text FROM knowledge_chunks').all() as { text: string }[]
      ).map((r) => r.text);
      const serverMs = await serverOnly(emulator, texts);
      log(
        `indexed ${chunks} passages in ${indexMs.toFixed(0)} ms; the emulator alone embeds them in ${serverMs.toFixed(0)} ms`,
      );
      const query = await timeQueries(db, service, id, size.queries);
      log(
        `query p50/p95 ${query.p50.toFixed(2)}/${query.p95.toFixed(2)} ms (local search p95 ${query.localP95.toFixed(2)} ms)`,
      );
      return {
        metrics: {
          passages: chunks,
          index_ms: indexMs,
          index_passages_per_s: (chunks / indexMs) * 1000,
          emulator_passages_per_s: (chunks / serverMs) * 1000,
          query_p50_ms: query.p50,
          query_p95_ms: query.p95,
          local_search_p95_ms: query.localP95,
        },
        ratios: { index_vs_emulator_throughput: serverMs / indexMs },
        goals: { query_p95_ms: { max: 50 } },
      };
    } finally {
      db.close();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
