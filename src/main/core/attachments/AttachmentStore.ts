import { createHash, randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { SqliteDatabase } from '../store/database';

export const ATTACHMENTS_DIR = 'attachments';

const HASH = /^[0-9a-f]{64}$/;

/** Every attachment id the parts of some message name (conversations in the undo window too). */
const REFERENCED_SQL = `
  SELECT DISTINCT json_extract(p.value, '$.attachmentId') AS id
  FROM messages m, json_each(m.parts) p
  WHERE json_extract(p.value, '$.type') IN ('image', 'file')`;

/**
 * Attachment bytes in the data folder, content-addressed: `attachments/ab/abcdef…` where the name
 * is the SHA-256 of the bytes, so the same file attached twice is stored once. The file is
 * written (to a temporary name, then renamed) before its row, and removed after its row and
 * after the delete of the last message naming it has committed: a crash between the two leaves
 * at most a file no row or message names, which `sweep` removes at the next start.
 */
export class AttachmentStore {
  constructor(
    private readonly db: () => SqliteDatabase,
    readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Stores the bytes (once per content) and returns their id. */
  put(bytes: Uint8Array, mime: string): string {
    const id = createHash('sha256').update(bytes).digest('hex');
    const file = this.fileOf(id);
    if (!existsSync(file)) {
      mkdirSync(join(this.dir, id.slice(0, 2)), { recursive: true });
      const temp = `${file}.${randomUUID()}.part`;
      writeFileSync(temp, bytes);
      renameSync(temp, file);
    }
    this.db()
      .prepare('INSERT OR IGNORE INTO attachments (id, mime, size, created_at) VALUES (?, ?, ?, ?)')
      .run(id, mime, bytes.byteLength, this.now());
    return id;
  }

  /** The attachment's row (its type and size as stored), or null when none has this id. */
  row(id: string): { id: string; mime: string; size: number } | null {
    return (
      this.db()
        .prepare<[string], { id: string; mime: string; size: number }>(
          'SELECT id, mime, size FROM attachments WHERE id = ?',
        )
        .get(id) ?? null
    );
  }

  /** Every stored attachment's id. */
  ids(): string[] {
    return this.db()
      .prepare<[], { id: string }>('SELECT id FROM attachments')
      .all()
      .map((row) => row.id);
  }

  has(id: string): boolean {
    return HASH.test(id) && existsSync(this.fileOf(id));
  }

  /** The bytes, or null when the file is gone (a data folder copied without it). */
  read(id: string): Buffer | null {
    if (!this.has(id)) return null;
    return readFileSync(this.fileOf(id));
  }

  fileOf(id: string): string {
    if (!HASH.test(id)) throw new Error('Not an attachment id.');
    return join(this.dir, id.slice(0, 2), id);
  }

  /** The attachments the messages of these conversations name (asked before they are purged). */
  namedBy(conversationIds: readonly string[]): string[] {
    if (conversationIds.length === 0) return [];
    const marks = conversationIds.map(() => '?').join(', ');
    return this.db()
      .prepare<string[], { id: string }>(`${REFERENCED_SQL} AND m.conversation_id IN (${marks})`)
      .all(...conversationIds)
      .map((row) => row.id);
  }

  /**
   * Removes those of `candidates` no message names any more: called after the delete that
   * dropped their last reference has committed, never inside it.
   */
  removeUnreferenced(candidates: readonly string[]): number {
    if (candidates.length === 0) return 0;
    const referenced = this.referenced();
    let removed = 0;
    for (const id of new Set(candidates)) {
      if (referenced.has(id) || !HASH.test(id)) continue;
      this.db().prepare('DELETE FROM attachments WHERE id = ?').run(id);
      rmSync(this.fileOf(id), { force: true });
      removed += 1;
    }
    return removed;
  }

  /**
   * At start: every row and file no message names goes (an attachment never sent, a crash
   * between a purge and its files' removal), and half-written temporary files with them.
   */
  sweep(): number {
    const referenced = this.referenced();
    const orphans = new Set([...this.ids(), ...this.files()].filter((id) => !referenced.has(id)));
    for (const id of orphans) {
      this.db().prepare('DELETE FROM attachments WHERE id = ?').run(id);
      if (HASH.test(id)) rmSync(this.fileOf(id), { force: true });
    }
    this.removeTemporaryFiles();
    return orphans.size;
  }

  private referenced(): Set<string> {
    const rows = this.db().prepare<[], { id: string | null }>(REFERENCED_SQL).all();
    return new Set(rows.flatMap((row) => (row.id ? [row.id] : [])));
  }

  /** Every content file on disk, by id. */
  private files(): string[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir).flatMap((prefix) =>
      /^[0-9a-f]{2}$/.test(prefix)
        ? readdirSync(join(this.dir, prefix)).filter((name) => HASH.test(name))
        : [],
    );
  }

  private removeTemporaryFiles(): void {
    if (!existsSync(this.dir)) return;
    for (const prefix of readdirSync(this.dir)) {
      if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
      for (const name of readdirSync(join(this.dir, prefix)))
        if (name.endsWith('.part')) rmSync(join(this.dir, prefix, name), { force: true });
    }
  }
}
