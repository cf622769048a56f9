/**
 * `npm run bench -- store` (or `npx tsx tests/bench/store/index.ts`): the conversation store with
 * 1M messages against 1k, built fresh in one run: open a conversation and append a message,
 * full-text search, and the sidebar's first page at start.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openStore, DATABASE_FILE, type Store } from '../../../src/main/core/store/Store';
import { buildHistory, seededRandom } from './buildData';

export interface BenchResult {
  name: string;
  metrics: Record<string, number>;
  ratios: Record<string, number>;
  goals: Record<string, { target: string; value: number; met: boolean }>;
}

const FULL_LARGE = { conversations: 20_000, messagesPerConversation: 50 }; // 1,000,000 messages
const QUICK_LARGE = { conversations: 40, messagesPerConversation: 50 }; // 2,000 messages
const SMALL = { conversations: 20, messagesPerConversation: 50 }; // 1,000 messages

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const round = (value: number) => Math.round(value * 1000) / 1000;

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/**
 * What the app does when a conversation is clicked and a message sent: load the thread, append.
 * Small and large alternate sample by sample, so load from other processes hits both alike.
 */
function openAndAppend(stores: Store[], ids: string[][], samples: number): number[][] {
  const random = seededRandom(11);
  const times: number[][] = stores.map(() => []);
  for (let i = 0; i < samples + 20; i++) {
    stores.forEach((store, s) => {
      const list = ids[s]!;
      const id = list[Math.floor(random() * list.length)]!;
      const elapsed = time(() => {
        const conversation = store.conversations.get(id)!;
        const thread = store.messages.thread(id, conversation.currentLeafId);
        const message = store.messages.append({
          conversationId: id,
          parentId: thread.at(-1)!.id,
          role: 'user',
          content: `benchmark follow-up ${i}`,
        });
        store.conversations.touch(id, message.id);
      });
      if (i >= 20) times[s]!.push(elapsed); // the first few warm the statement cache
    });
  }
  return times;
}

/** A fresh open of the file (as at app start) up to the sidebar's first page being ready. */
function sidebarAtStart(dataDirs: string[], samples: number): number[][] {
  const times: number[][] = dataDirs.map(() => []);
  for (let i = 0; i < samples + 3; i++) {
    dataDirs.forEach((dataDir, d) => {
      let store: Store | null = null;
      const elapsed = time(() => {
        store = openStore({ dataDir });
        store.conversations.list({ limit: 50 });
      });
      (store as Store | null)?.close();
      if (i >= 3) times[d]!.push(elapsed);
    });
  }
  return times;
}

const SEARCH_KINDS = ['common', 'middling', 'rare', 'pair', 'prefix'] as const;

function searches(
  store: Store,
  words: string[],
  samples: number,
): { all: number[]; byKind: Record<string, number[]> } {
  const random = seededRandom(7);
  const queries: string[] = [];
  for (let i = 0; i < samples; i++) {
    // Common, middling and rare words, pairs, and prefixes as typed.
    const kind = i % 5;
    const word = (rank: number) => words[Math.min(words.length - 1, rank)]!;
    if (kind === 0) queries.push(word(Math.floor(random() * 20)));
    else if (kind === 1) queries.push(word(100 + Math.floor(random() * 1000)));
    else if (kind === 2) queries.push(word(5000 + Math.floor(random() * 15000)));
    else if (kind === 3)
      queries.push(`${word(Math.floor(random() * 200))} ${word(Math.floor(random() * 2000))}`);
    else queries.push(word(Math.floor(random() * 3000)).slice(0, 4));
  }
  const all: number[] = [];
  const byKind: Record<string, number[]> = Object.fromEntries(SEARCH_KINDS.map((k) => [k, []]));
  queries.forEach((query, i) => {
    const elapsed = time(() => store.search.search(query, 30));
    all.push(elapsed);
    byKind[SEARCH_KINDS[i % 5]!]!.push(elapsed);
  });
  return { all, byKind };
}

function build(dir: string, size: typeof SMALL, seed: number) {
  const store = openStore({ dataDir: dir });
  // Building is setup, not what is measured: no fsync, a big cache. Measurements reopen normally.
  store.db.pragma('synchronous = OFF');
  store.db.pragma('cache_size = -262144');
  const started = performance.now();
  const data = buildHistory(store.db, { ...size, seed });
  const seconds = (performance.now() - started) / 1000;
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.db.exec('ANALYZE');
  store.close();
  return { ...data, seconds, sizeMb: statSync(join(dir, DATABASE_FILE)).size / 1e6 };
}

export async function run(options: { quick: boolean } = { quick: false }): Promise<BenchResult> {
  const LARGE = options.quick ? QUICK_LARGE : FULL_LARGE;
  const samples = options.quick
    ? { append: 20, search: 50, sidebar: 4 }
    : { append: 300, search: 500, sidebar: 40 };
  const root = mkdtempSync(join(tmpdir(), 'switchboard-bench-store-'));
  try {
    const smallDir = join(root, 'small');
    const largeDir = join(root, 'large');
    mkdirSync(smallDir);
    mkdirSync(largeDir);
    const small = build(smallDir, SMALL, 1);
    console.error(
      `[store] building ${LARGE.conversations * LARGE.messagesPerConversation} messages…`,
    );
    const large = build(largeDir, LARGE, 2);
    console.error(`[store] built in ${large.seconds.toFixed(1)} s (${large.sizeMb.toFixed(0)} MB)`);

    const [sidebarSmall = [], sidebarLarge = []] = sidebarAtStart(
      [smallDir, largeDir],
      samples.sidebar,
    );

    const smallStore = openStore({ dataDir: smallDir });
    const largeStore = openStore({ dataDir: largeDir });
    const [appendSmall = [], appendLarge = []] = openAndAppend(
      [smallStore, largeStore],
      [small.conversationIds, large.conversationIds],
      samples.append,
    );
    const { all: search, byKind } = searches(largeStore, large.words, samples.search);
    smallStore.close();
    largeStore.close();

    const metrics = {
      messages_large: LARGE.conversations * LARGE.messagesPerConversation,
      messages_small: SMALL.conversations * SMALL.messagesPerConversation,
      build_large_s: round(large.seconds),
      db_large_mb: round(large.sizeMb),
      open_append_p50_ms_1k: round(percentile(appendSmall, 50)),
      open_append_p50_ms_1m: round(percentile(appendLarge, 50)),
      open_append_p95_ms_1k: round(percentile(appendSmall, 95)),
      open_append_p95_ms_1m: round(percentile(appendLarge, 95)),
      search_p50_ms_1m: round(percentile(search, 50)),
      search_p95_ms_1m: round(percentile(search, 95)),
      search_max_ms_1m: round(Math.max(...search)),
      ...Object.fromEntries(
        Object.entries(byKind).map(([kind, times]) => [
          `search_${kind}_p95_ms_1m`,
          round(percentile(times, 95)),
        ]),
      ),
      sidebar_start_p50_ms_1k: round(percentile(sidebarSmall, 50)),
      sidebar_start_p50_ms_1m: round(percentile(sidebarLarge, 50)),
    };
    const ratios = {
      open_append_1m_vs_1k: round(metrics.open_append_p50_ms_1m / metrics.open_append_p50_ms_1k),
      sidebar_start_1m_vs_1k: round(
        metrics.sidebar_start_p50_ms_1m / metrics.sidebar_start_p50_ms_1k,
      ),
    };
    const goals = {
      open_append_1m_vs_1k: {
        target: '<= 1.5',
        value: ratios.open_append_1m_vs_1k,
        met: ratios.open_append_1m_vs_1k <= 1.5,
      },
      search_p95_ms_1m: {
        target: '< 50',
        value: metrics.search_p95_ms_1m,
        met: metrics.search_p95_ms_1m < 50,
      },
      sidebar_start_1m_vs_1k: {
        target: '<= 1.5',
        value: ratios.sidebar_start_1m_vs_1k,
        met: ratios.sidebar_start_1m_vs_1k <= 1.5,
      },
    };
    return { name: 'store', metrics, ratios, goals };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename;
if (invokedDirectly) {
  const result = await run();
  console.table(Object.entries(result.metrics).map(([metric, value]) => ({ metric, value })));
  console.table(
    Object.entries(result.goals).map(([goal, g]) => ({
      goal,
      target: g.target,
      value: g.value,
      met: g.met,
    })),
  );
  const out = resolve(import.meta.dirname, '../../../bench-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'store.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${join(out, 'store.json')}`);
}
