import type Database from 'better-sqlite3';
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
 * An FTS5 query from free text: each word quoted (so `AND`, `-` or `"` in a question are words,
 * not syntax), joined by OR so a passage with some of the words still ranks.
 */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}_]+/gu)?.filter((w) => w.length > 1) ?? [];
  if (!words.length) return null;
  return [...new Set(words.map((w) => w.toLowerCase()))].map((w) => `"${w}"`).join(' OR ');
}

/**
 * Hybrid search over collections: the nearest passages by meaning (sqlite-vec KNN, cosine) and
 * the best by words (FTS5 bm25), each list ranked, merged by reciprocal rank fusion (a passage's
 * score is the sum of 1/(60 + rank) over the lists it is in), so neither list's raw scores, on
 * different scales, need comparing.
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
  const match = ftsQuery(text);
  if (!match) return [];
  const rows = db
    .prepare(
      `SELECT f.rowid AS id FROM knowledge_chunks_fts f
       JOIN knowledge_chunks c ON c.id = f.rowid
       JOIN knowledge_documents d ON d.id = c.document_id
       WHERE knowledge_chunks_fts MATCH ? AND d.collection_id = ?
       ORDER BY bm25(knowledge_chunks_fts) LIMIT ?`,
    )
    .all(match, collectionId, k) as { id: number }[];
  return rows.map((row) => row.id);
}

function passage(db: Database.Database, chunkId: number): Omit<KnowledgeHit, 'score'> | null {
  const row = db
    .prepare(
      `SELECT c.id AS chunkId, c.text, c.heading, d.name AS documentName, d.path AS documentPath,
         d.collection_id AS collectionId
       FROM knowledge_chunks c JOIN knowledge_documents d ON d.id = c.document_id WHERE c.id = ?`,
    )
    .get(chunkId) as Omit<KnowledgeHit, 'score'> | undefined;
  return row ?? null;
}
