import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '../../../src/main/core/store/database';

/** A deterministic pseudo-random source, so every run builds the same history. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const syllables = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tu',
  'sa',
  'vor',
  'el',
  'qui',
  'dan',
  'po',
  'zer',
  'an',
  'ti',
  'mu',
  'ble',
  'gra',
  'fin',
];

/** A vocabulary of 20,000 made-up words; their frequencies follow Zipf's law like real text. */
export function vocabulary(random: () => number): string[] {
  const words = new Set<string>();
  while (words.size < 20_000) {
    const length = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < length; i++) word += syllables[Math.floor(random() * syllables.length)];
    words.add(word);
  }
  return [...words];
}

export function zipfPicker(count: number, random: () => number): () => number {
  // Inverse-CDF over 1/rank weights.
  const cumulative = new Float64Array(count);
  let sum = 0;
  for (let rank = 0; rank < count; rank++) cumulative[rank] = sum += 1 / (rank + 1);
  return () => {
    const target = random() * sum;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

export interface BuildOptions {
  conversations: number;
  messagesPerConversation: number;
  seed: number;
}

/**
 * Fills a migrated database with conversations of alternating questions and answers (20 to 60
 * words each) through the real schema, in large transactions. The FTS index is built in one
 * statement at the end rather than row by row (3x faster on 2 busy cores), from the view the
 * index reads (`messages_search`): the same index the insert trigger makes, and the trigger is put
 * back exactly as it was.
 */
export function buildHistory(
  db: SqliteDatabase,
  options: BuildOptions,
): { conversationIds: string[]; words: string[] } {
  const trigger = db
    .prepare<[], { sql: string }>(
      "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'messages_fts_insert'",
    )
    .get();
  if (!trigger)
    throw new Error('The schema has no messages_fts_insert trigger: has migration 6 changed?');
  db.exec('DROP TRIGGER messages_fts_insert');
  try {
    return insertHistory(db, options);
  } finally {
    db.exec('INSERT INTO messages_fts (rowid, content) SELECT seq, content FROM messages_search');
    db.exec(trigger.sql);
  }
}

function insertHistory(
  db: SqliteDatabase,
  options: BuildOptions,
): { conversationIds: string[]; words: string[] } {
  const random = seededRandom(options.seed);
  const words = vocabulary(random);
  const pick = zipfPicker(words.length, random);
  const insertConversation = db.prepare(
    `INSERT INTO conversations (id, title, title_source, created_at, updated_at, pinned, profile_id, model, parameters, current_leaf_id)
     VALUES (?, ?, 'auto', ?, ?, ?, 'openai', 'gpt-4o-mini', '{}', ?)`,
  );
  const insertMessage = db.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, parts, status, profile_id, model, finish_reason, usage,
       ttft_ms, total_ms, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'done', 'openai', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const sentence = () => {
    const length = 20 + Math.floor(random() * 41);
    const out: string[] = [];
    for (let i = 0; i < length; i++) out.push(words[pick()]!);
    return out.join(' ');
  };
  const conversationIds: string[] = [];
  const start = Date.UTC(2025, 0, 1);
  const batch = Math.max(1, Math.floor(50_000 / options.messagesPerConversation));
  for (let first = 0; first < options.conversations; first += batch) {
    db.transaction(() => {
      for (let c = first; c < Math.min(options.conversations, first + batch); c++) {
        const id = randomUUID();
        const created = start + c * 60_000;
        let parent: string | null = null;
        const ids: string[] = [];
        for (let m = 0; m < options.messagesPerConversation; m++) ids.push(randomUUID());
        // The conversation row first (foreign key), its leaf known in advance.
        insertConversation.run(
          id,
          sentence().slice(0, 40),
          created,
          created + options.messagesPerConversation * 1000,
          c % 97 === 0 ? 1 : 0,
          ids.at(-1),
        );
        for (let m = 0; m < options.messagesPerConversation; m++) {
          const assistant = m % 2 === 1;
          const at = created + m * 1000;
          insertMessage.run(
            ids[m],
            id,
            parent,
            assistant ? 'assistant' : 'user',
            JSON.stringify([{ type: 'text', text: sentence() }]),
            assistant ? 'gpt-4o-mini' : null,
            assistant ? 'stop' : null,
            assistant
              ? '{"inputTokens":120,"outputTokens":60,"totalTokens":180,"source":"provider"}'
              : null,
            assistant ? 300 : null,
            assistant ? 2000 : null,
            at,
            at,
          );
          parent = ids[m]!;
        }
        conversationIds.push(id);
      }
    })();
  }
  return { conversationIds, words };
}
