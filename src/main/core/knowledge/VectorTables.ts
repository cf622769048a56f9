import type Database from 'better-sqlite3';
import { prepared } from './statementCache';

/** One collection's vec0 table: a vector per chunk, the chunk's id as its rowid. */
export interface VectorTable {
  insert(chunkId: bigint, embedding: Float32Array): void;
  removeDocument(documentId: number): void;
  /** The `k` nearest chunks by cosine distance. */
  nearest(embedding: Float32Array, k: number): { chunkId: number; distance: number }[];
}

/**
 * sqlite-vec tables, one per collection (`knowledge_vec_<rowid>`): vec0 fixes a table's
 * dimension when it is made, so a collection's table is made with its first vector and its
 * dimension recorded; a vector of another size afterwards (the model was changed) is refused
 * with a message instead of being stored wrong.
 */
export class VectorTables {
  constructor(private readonly db: () => Database.Database) {}

  /** The table, made for `dimensions` when it does not exist yet (undefined: only if it does). */
  tableFor(collectionId: string, dimensions: number | undefined): VectorTable | null {
    const row = prepared(
      this.db(),
      'SELECT rowid, dimensions FROM knowledge_collections WHERE id = ?',
    ).get(collectionId) as { rowid: number; dimensions: number | null } | undefined;
    if (!row) throw new Error('This collection no longer exists.');
    const name = tableName(row.rowid);
    if (row.dimensions === null) {
      if (!dimensions) return null;
      this.db().exec(
        `CREATE VIRTUAL TABLE ${name} USING vec0(embedding float[${Math.trunc(dimensions)}] distance_metric=cosine)`,
      );
      prepared(this.db(), 'UPDATE knowledge_collections SET dimensions = ? WHERE id = ?').run(
        Math.trunc(dimensions),
        collectionId,
      );
    } else if (dimensions !== undefined && dimensions !== row.dimensions) {
      throw new Error(
        `The embeddings model returned vectors of ${dimensions} numbers, but this collection holds vectors of ${row.dimensions}. Make a new collection for another model.`,
      );
    }
    return this.table(name);
  }

  drop(collectionId: string): void {
    const row = prepared(this.db(), 'SELECT rowid FROM knowledge_collections WHERE id = ?').get(
      collectionId,
    ) as { rowid: number } | undefined;
    if (row) this.db().exec(`DROP TABLE IF EXISTS ${tableName(row.rowid)}`);
  }

  private table(name: string): VectorTable {
    const db = this.db();
    let insert: Database.Statement | undefined;
    return {
      // The vector bound as the Float32Array itself: sqlite-vec reads a float32 BLOB as is,
      // with no JSON text to format and parse per row.
      insert(chunkId, embedding) {
        insert ??= prepared(db, `INSERT INTO ${name} (rowid, embedding) VALUES (?, ?)`);
        insert.run(chunkId, embedding);
      },
      removeDocument(documentId) {
        prepared(
          db,
          `DELETE FROM ${name} WHERE rowid IN (SELECT id FROM knowledge_chunks WHERE document_id = ?)`,
        ).run(documentId);
      },
      nearest(embedding, k) {
        return prepared(
          db,
          `SELECT rowid AS chunkId, distance FROM ${name} WHERE embedding MATCH ? AND k = ? ORDER BY distance`,
        ).all(embedding, Math.trunc(k)) as { chunkId: number; distance: number }[];
      },
    };
  }
}

function tableName(rowid: number): string {
  return `knowledge_vec_${Math.trunc(rowid)}`;
}
