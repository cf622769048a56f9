import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { prepared } from './statementCache';
import { englishText, isSaid, type Said } from '../../../shared/said';
import { VectorTables, type VectorTable } from './VectorTables';
import type {
  KnowledgeCollection,
  KnowledgeDocument,
  NewCollection,
} from '../../../shared/knowledge';

/** A document as the indexer compares it with the folder. */
export interface IndexedDocument {
  id: number;
  path: string;
  size: number;
  mtimeMs: number;
  contentHash: string;
}

/** One passage to store with its vector. */
export interface StoredChunk {
  heading: string | null;
  text: string;
  embedding: Float32Array;
}

export interface DocumentWrite {
  path: string;
  name: string;
  size: number;
  mtimeMs: number;
  contentHash: string;
  /** Why it has no text, as a code: kept as JSON in its row, shown in the person's language. */
  problem: Said | null;
  chunks: StoredChunk[];
}

interface CollectionRow {
  id: string;
  name: string;
  folder: string;
  profile_id: string;
  model: string;
  indexed_at: number | null;
  document_count: number;
  chunk_count: number;
}

const COLLECTION_SELECT = `
  SELECT c.*, (SELECT COUNT(*) FROM knowledge_documents d WHERE d.collection_id = c.id) AS document_count,
    (SELECT COALESCE(SUM(d.chunk_count), 0) FROM knowledge_documents d WHERE d.collection_id = c.id) AS chunk_count
  FROM knowledge_collections c`;

function toCollection(row: CollectionRow): KnowledgeCollection {
  return {
    id: row.id,
    name: row.name,
    folder: row.folder,
    profileId: row.profile_id,
    model: row.model,
    documentCount: row.document_count,
    chunkCount: row.chunk_count,
    indexedAt: row.indexed_at,
  };
}

/**
 * The knowledge tables of the history file (migration 10) and each collection's vec0 table.
 * Every write of documents (their rows, chunks, words and vectors) is one transaction, so a pass
 * cut anywhere leaves each document either as before or wholly new.
 */
export class KnowledgeStore {
  readonly vectors: VectorTables;

  constructor(
    private readonly db: () => Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    this.vectors = new VectorTables(db);
  }

  create(input: NewCollection): KnowledgeCollection {
    const id = randomUUID();
    prepared(
      this.db(),
      'INSERT INTO knowledge_collections (id, name, folder, profile_id, model, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(id, input.name, input.folder, input.profileId, input.model, this.now());
    return this.collection(id)!;
  }

  list(): KnowledgeCollection[] {
    const rows = prepared(
      this.db(),
      `${COLLECTION_SELECT} ORDER BY c.name`,
    ).all() as CollectionRow[];
    return rows.map(toCollection);
  }

  collection(id: string): KnowledgeCollection | null {
    const row = this.row(id);
    return row ? toCollection(row) : null;
  }

  remove(id: string): void {
    const row = this.row(id);
    if (!row) return;
    this.db().transaction(() => {
      this.vectors.drop(id);
      prepared(this.db(), 'DELETE FROM knowledge_collections WHERE id = ?').run(id);
    })();
  }

  markIndexed(id: string): void {
    prepared(this.db(), 'UPDATE knowledge_collections SET indexed_at = ? WHERE id = ?').run(
      this.now(),
      id,
    );
  }

  /**
   * A pass started (`true`) or ended (`false`) on a collection (migration 11): one that the app's
   * closing cut off keeps its mark, and is resumed at the next start.
   */
  markPass(id: string, running: boolean): void {
    prepared(this.db(), 'UPDATE knowledge_collections SET pass_started_at = ? WHERE id = ?').run(
      running ? this.now() : null,
      id,
    );
  }

  /** The collections whose last pass was cut off by the app closing, oldest pass first. */
  interrupted(): string[] {
    const rows = prepared(
      this.db(),
      'SELECT id FROM knowledge_collections WHERE pass_started_at IS NOT NULL ORDER BY pass_started_at',
    ).all() as { id: string }[];
    return rows.map((row) => row.id);
  }

  documents(collectionId: string): KnowledgeDocument[] {
    const rows = prepared(
      this.db(),
      'SELECT path, name, size, chunk_count AS chunkCount, problem FROM knowledge_documents WHERE collection_id = ? ORDER BY path',
    ).all(collectionId) as (Omit<KnowledgeDocument, 'problemSaid'> & { problem: string | null })[];
    return rows.map((row) => ({ ...row, ...problemOf(row.problem) }));
  }

  indexed(collectionId: string): Map<string, IndexedDocument> {
    const rows = prepared(
      this.db(),
      'SELECT id, path, size, mtime_ms AS mtimeMs, content_hash AS contentHash FROM knowledge_documents WHERE collection_id = ?',
    ).all(collectionId) as IndexedDocument[];
    return new Map(rows.map((row) => [row.path, row]));
  }

  /** Records that a file's mtime moved but its bytes did not, so it is not read again. */
  touch(documentId: number, mtimeMs: number): void {
    prepared(this.db(), 'UPDATE knowledge_documents SET mtime_ms = ? WHERE id = ?').run(
      mtimeMs,
      documentId,
    );
  }

  /** A document's new version (its chunks, words and vectors), replacing the old one whole. */
  write(collectionId: string, doc: DocumentWrite): void {
    this.writeBatch(collectionId, [doc]);
  }

  /**
   * Several documents' new versions in one transaction (an index batch): one commit, one
   * journal sync, for a batch's tens of passages instead of one per document. Its statements
   * are prepared once per connection (statementCache) and each run per row; the FTS5 words
   * follow each chunk by the migration's trigger.
   */
  writeBatch(collectionId: string, docs: DocumentWrite[]): void {
    const db = this.db();
    const dimensions = docs.find((d) => d.chunks.length)?.chunks[0]!.embedding.length;
    db.transaction(() => {
      const vectors = this.vectors.tableFor(collectionId, dimensions);
      const documentRow = prepared(
        db,
        `INSERT INTO knowledge_documents (collection_id, path, name, size, mtime_ms, content_hash, chunk_count, problem, indexed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const chunkRow = prepared(
        db,
        'INSERT INTO knowledge_chunks (document_id, seq, heading, text) VALUES (?, ?, ?, ?)',
      );
      const at = this.now();
      for (const doc of docs) {
        this.dropDocument(collectionId, doc.path, vectors);
        const documentId = documentRow.run(
          ...[collectionId, doc.path, doc.name, doc.size, doc.mtimeMs, doc.contentHash],
          ...[doc.chunks.length, doc.problem ? JSON.stringify(doc.problem) : null, at],
        ).lastInsertRowid;
        doc.chunks.forEach((c, seq) => {
          const chunkId = chunkRow.run(documentId, seq, c.heading, c.text).lastInsertRowid;
          vectors?.insert(BigInt(chunkId), c.embedding);
        });
      }
    })();
  }

  /** A file gone from the folder: its row, chunks, words and vectors. */
  removeDocument(collectionId: string, path: string): void {
    this.db().transaction(() => {
      this.dropDocument(collectionId, path, this.vectors.tableFor(collectionId, undefined));
    })();
  }

  private dropDocument(collectionId: string, path: string, vectors: VectorTable | null): void {
    const db = this.db();
    const found = prepared(
      db,
      'SELECT id FROM knowledge_documents WHERE collection_id = ? AND path = ?',
    ).get(collectionId, path) as { id: number } | undefined;
    if (!found) return;
    if (vectors) vectors.removeDocument(found.id);
    prepared(db, 'DELETE FROM knowledge_chunks WHERE document_id = ?').run(found.id);
    prepared(db, 'DELETE FROM knowledge_documents WHERE id = ?').run(found.id);
  }

  private row(id: string): CollectionRow | undefined {
    return prepared(this.db(), `${COLLECTION_SELECT} WHERE c.id = ?`).get(id) as
      CollectionRow | undefined;
  }
}

/** A stored problem: its code (JSON) read back as English with the code; any other text as it is. */
function problemOf(stored: string | null): Pick<KnowledgeDocument, 'problem' | 'problemSaid'> {
  if (stored === null) return { problem: null };
  try {
    const parsed: unknown = JSON.parse(stored);
    if (isSaid(parsed)) return { problem: englishText(parsed), problemSaid: parsed };
  } catch {
    // Not JSON: a sentence stored as it was.
  }
  return { problem: stored };
}
