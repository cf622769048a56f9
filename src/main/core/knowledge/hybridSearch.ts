import type Database from 'better-sqlite3';
import { prepared } from './statementCache';
import type { KnowledgeHit } from '../../../shared/knowledge';
import type { VectorTables } from './VectorTables';

/** Reciprocal rank fusion's constant (Cormack et al. 2009): 60, as most hybrid searches use. */
const RRF_K = 60;

export interface SearchQuery {
  collectionIds: string[];
  /** The question's words, for FTS5. */
  text: string;
  /** The question's embedding, for the vec0 KNN. */
  embedding: Float32Array;
  /** Passages wanted (default 6). */
  limit?: number;
}

/**
 * English words a question is made of rather than about: matching them would rank every
 * passage, at the cost of scoring them all. Other languages' words all count.
 */
const STOP_WORDS = new Set(
  'a about an and are as at be by can could did do does for from has have how i in is it its me my of on or say says tell that the their there these this to was we what when where which who why will with would you your'.split(
    ' ',
  ),
);

/** A question's words for FTS5, lowercased, once each; stop words out unless nothing is left. */
export function questionWords(text: string): string[] {
  const all = text.match(/[\p{L}\p{N}_]+/gu)?.filter((w) => w.length > 1) ?? [];
  const meaningful = all.filter((w) => !STOP_WORDS.has(w.toLowerCase()));
  return [...new Set((meaningful.length ? meaningful : all).map((w) => w.toLowerCase()))];
}

/**
 * An FTS5 query from words: each quoted (so `AND`, `-` or `"` in a question are words, not
 * syntax), joined by OR so a passage with some of the words still ranks.
 */
export function ftsQuery(words: string[]): string | null {
  return words.length ? words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' OR ') : null;
}

/** Of a question's words, those that tell passages apart (in at most a fifth of them). */
function distinctive(db: Database.Database, words: string[]): string[] {
  if (words.length === 0) return words;
  const total = (prepared(db, 'SELECT COUNT(*) AS n FROM knowledge_chunks').get() as { n: number })
    .n;
  const counts = new Map(
    (
      prepared(
        db,
        `SELECT term, doc FROM knowledge_chunks_terms WHERE term IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(words)) as { term: string; doc: number }[]
    ).map((row) => [row.term, row.doc]),
  );
  const present = words.filter((w) => counts.has(w));
  const kept = present.filter((w) => counts.get(w)! <= Math.max(20, total / 5));
  // Only common words: the rarest of them still ranks something.
  if (kept.length === 0 && present.length)
    return [present.sort((a, b) => counts.get(a)! - counts.get(b)!)[0]!];
  return kept;
}

/**
 * Hybrid search over collections: the nearest passages by meaning (sqlite-vec KNN, cosine) and
 * the best by words (FTS5 bm25), each list ranked, merged by reciprocal rank fusion (a passage's
 * score is the sum of 1/(60 + rank) over the lists it is in), so neither list's raw scores, on
 * different scales, need comparing. The keyword side leaves out words most passages have.
 */
export function hybridSearch(
  db: Database.Database,
  vectors: VectorTables,
  query: SearchQuery,
): KnowledgeHit[] {
  const limit = query.limit ?? 6;
  const depth = Math.max(limit * 4, 20);
  const scores = new Map<number, number>();
  const add = (ids: number[]) =>
    ids.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + 1 / (RRF_K + rank + 1)));
  for (const collectionId of query.collectionIds) {
    const table = vectors.tableFor(collectionId, undefined);
    if (table) add(table.nearest(query.embedding, depth).map((hit) => hit.chunkId));
    add(keywordHits(db, collectionId, query.text, depth));
  }
  const best = [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit);
  return best.flatMap(([chunkId, score]) => {
    const hit = passage(db, chunkId);
    return hit ? [{ ...hit, score }] : [];
  });
}

function keywordHits(db: Database.Database, collectionId: string, text: string, k: number) {
  // Words in nearly every passage rank nothing and make FTS5 score every passage.
  const match = ftsQuery(distinctive(db, questionWords(text)));
  if (!match) return [];
  const rows = prepared(
    db,
    `SELECT f.rowid AS id FROM knowledge_chunks_fts f
       JOIN knowledge_chunks c ON c.id = f.rowid
       JOIN knowledge_documents d ON d.id = c.document_id
       WHERE knowledge_chunks_fts MATCH ? AND d.collection_id = ?
       ORDER BY bm25(knowledge_chunks_fts) LIMIT ?`,
  ).all(match, collectionId, k) as { id: number }[];
  return rows.map((row) => row.id);
}

function passage(db: Database.Database, chunkId: number): Omit<KnowledgeHit, 'score'> | null {
  const row = prepared(
    db,
    `SELECT c.id AS chunkId, c.text, c.heading, d.name AS documentName, d.path AS documentPath,
         d.collection_id AS collectionId
       FROM knowledge_chunks c JOIN knowledge_documents d ON d.id = c.document_id WHERE c.id = ?`,
  ).get(chunkId) as Omit<KnowledgeHit, 'score'> | undefined;
  return row ?? null;
}
