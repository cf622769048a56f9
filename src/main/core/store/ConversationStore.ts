import { randomUUID } from 'node:crypto';
import type {
  ConversationDetail,
  ConversationPage,
  ConversationSettings,
  ConversationSummary,
  ForkSource,
} from '../../../shared/conversations';
import type { ContextPolicy } from '../../../shared/context';
import type { SqliteDatabase } from './database';
import { toDetail, toSummary, type ConversationRow } from './rows';

/** How long a deleted conversation can still be brought back with Undo (then it is purged). */
export const UNDO_WINDOW_MS = 60_000;

const SUMMARY_COLUMNS = 'id, title, pinned, created_at, updated_at';

interface Cursor {
  pinned: number;
  updatedAt: number;
  id: string;
}

/**
 * Conversations: the sidebar's list (pinned first, newest first, keyset-paged so page one is as
 * fast with a million rows as with ten), titles, pins, soft delete with undo, per-conversation
 * settings. Messages live in MessageStore.
 */
export class ConversationStore {
  private readonly statements;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => number = Date.now,
  ) {
    this.statements = {
      get: db.prepare<[string], ConversationRow>(
        'SELECT * FROM conversations WHERE id = ? AND deleted_at IS NULL',
      ),
      firstPage: db.prepare<[number], ConversationRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM conversations WHERE deleted_at IS NULL
         ORDER BY pinned DESC, updated_at DESC, id DESC LIMIT ?`,
      ),
      nextPage: db.prepare<[number, number, string, number], ConversationRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM conversations WHERE deleted_at IS NULL
           AND (pinned, updated_at, id) < (?, ?, ?)
         ORDER BY pinned DESC, updated_at DESC, id DESC LIMIT ?`,
      ),
      touch: db.prepare<[number, string | null, string]>(
        'UPDATE conversations SET updated_at = MAX(updated_at, ?), current_leaf_id = ? WHERE id = ?',
      ),
      setLeaf: db.prepare<[string, string]>(
        'UPDATE conversations SET current_leaf_id = ? WHERE id = ?',
      ),
      // Each message on the path remembers the child shown below it (migration 9), so a branch
      // left is found again whole; only rows whose choice changed are written.
      rememberPath: db.prepare<[string]>(
        `WITH RECURSIVE path (id, parent_id) AS (
           SELECT id, parent_id FROM messages WHERE id = ?
           UNION ALL
           SELECT m.id, m.parent_id FROM messages m JOIN path p ON m.id = p.parent_id
         )
         UPDATE messages SET shown_child_id = p.id FROM path p
         WHERE messages.id = p.parent_id AND messages.shown_child_id IS NOT p.id`,
      ),
    };
  }

  create(input: {
    title: string;
    settings: ConversationSettings;
    id?: string;
    forkedFrom?: ForkSource;
  }): ConversationDetail {
    const at = this.now();
    const row: ConversationRow = {
      id: input.id ?? randomUUID(),
      title: input.title,
      title_source: 'provisional',
      created_at: at,
      updated_at: at,
      pinned: 0,
      deleted_at: null,
      profile_id: input.settings.profileId,
      model: input.settings.model,
      system_prompt: input.settings.systemPrompt,
      parameters: JSON.stringify(input.settings.parameters),
      current_leaf_id: null,
      forked_from_conversation_id: input.forkedFrom?.conversationId ?? null,
      forked_from_message_id: input.forkedFrom?.messageId ?? null,
      context_policy: null,
    };
    this.db
      .prepare(
        `INSERT INTO conversations (id, title, title_source, created_at, updated_at, pinned, deleted_at,
           profile_id, model, system_prompt, parameters, current_leaf_id,
           forked_from_conversation_id, forked_from_message_id)
         VALUES (@id, @title, @title_source, @created_at, @updated_at, @pinned, @deleted_at,
           @profile_id, @model, @system_prompt, @parameters, @current_leaf_id,
           @forked_from_conversation_id, @forked_from_message_id)`,
      )
      .run(row);
    return toDetail(row);
  }

  /** A live (not deleted) conversation, or null. */
  get(id: string): ConversationDetail | null {
    const row = this.statements.get.get(id);
    return row ? toDetail(row) : null;
  }

  titleSource(id: string): string | null {
    const row = this.db
      .prepare<[string], { title_source: string }>(
        'SELECT title_source FROM conversations WHERE id = ?',
      )
      .get(id);
    return row?.title_source ?? null;
  }

  list(options: { cursor?: string | null; limit: number }): ConversationPage {
    const cursor = options.cursor ? decodeCursor(options.cursor) : null;
    // One extra row says whether another page exists without a COUNT over the whole table.
    const rows = cursor
      ? this.statements.nextPage.all(cursor.pinned, cursor.updatedAt, cursor.id, options.limit + 1)
      : this.statements.firstPage.all(options.limit + 1);
    const items = rows.slice(0, options.limit).map(toSummary);
    const last = items.at(-1);
    const nextCursor =
      rows.length > options.limit && last
        ? encodeCursor({ pinned: last.pinned ? 1 : 0, updatedAt: last.updatedAt, id: last.id })
        : null;
    return { items, nextCursor };
  }

  /**
   * Records that the thread moved on: newest first in the sidebar, and which leaf is shown.
   * updated_at never moves back (here and in bump): a wall clock set back mid-answer must not
   * drop the conversation just used below older ones.
   */
  touch(id: string, currentLeafId: string | null): void {
    this.statements.touch.run(this.now(), currentLeafId, id);
    if (currentLeafId) this.statements.rememberPath.run(currentLeafId);
  }

  /** Newest first in the sidebar, the thread shown unchanged (an answer just ended). */
  bump(id: string): void {
    this.db
      .prepare('UPDATE conversations SET updated_at = MAX(updated_at, ?) WHERE id = ?')
      .run(this.now(), id);
  }

  setContextPolicy(id: string, policy: ContextPolicy | null): void {
    this.db.prepare('UPDATE conversations SET context_policy = ? WHERE id = ?').run(policy, id);
  }

  setCurrentLeaf(id: string, leafId: string): void {
    this.statements.setLeaf.run(leafId, id);
    this.statements.rememberPath.run(leafId);
  }

  rename(id: string, title: string): ConversationSummary | null {
    this.db
      .prepare(
        "UPDATE conversations SET title = ?, title_source = 'user' WHERE id = ? AND deleted_at IS NULL",
      )
      .run(title, id);
    return this.summary(id);
  }

  /** A model-made title replaces only a provisional one: never what the person typed. */
  setAutoTitle(id: string, title: string): boolean {
    const result = this.db
      .prepare(
        "UPDATE conversations SET title = ?, title_source = 'auto' WHERE id = ? AND title_source = 'provisional'",
      )
      .run(title, id);
    return result.changes > 0;
  }

  setPinned(id: string, pinned: boolean): ConversationSummary | null {
    this.db
      .prepare('UPDATE conversations SET pinned = ? WHERE id = ? AND deleted_at IS NULL')
      .run(pinned ? 1 : 0, id);
    return this.summary(id);
  }

  updateSettings(id: string, settings: Partial<ConversationSettings>): ConversationDetail | null {
    const current = this.get(id);
    if (!current) return null;
    const next = { ...current, ...settings };
    this.db
      .prepare(
        'UPDATE conversations SET profile_id = ?, model = ?, system_prompt = ?, parameters = ? WHERE id = ?',
      )
      .run(next.profileId, next.model, next.systemPrompt, JSON.stringify(next.parameters), id);
    return this.get(id);
  }

  /**
   * Moves every conversation of a deleted profile to another one, on that profile's default
   * model (the old model id means nothing there). Returns how many moved.
   */
  moveProfile(fromProfileId: string, toProfileId: string): number {
    return this.db
      .prepare('UPDATE conversations SET profile_id = ?, model = NULL WHERE profile_id = ?')
      .run(toProfileId, fromProfileId).changes;
  }

  /** Hides the conversation at once; it is purged only after the undo window. */
  softDelete(id: string): boolean {
    return (
      this.db
        .prepare('UPDATE conversations SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL')
        .run(this.now(), id).changes > 0
    );
  }

  restore(id: string): ConversationSummary | null {
    this.db.prepare('UPDATE conversations SET deleted_at = NULL WHERE id = ?').run(id);
    return this.summary(id);
  }

  /** Removes for good what was deleted before `before` (messages go with it; the ledger stays). */
  purgeDeleted(before: number): number {
    return this.db
      .prepare('DELETE FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at < ?')
      .run(before).changes;
  }

  /** Removes one conversation for good, its messages with it (an import replacing it). */
  purge(id: string): boolean {
    return this.db.prepare('DELETE FROM conversations WHERE id = ?').run(id).changes > 0;
  }

  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM conversations WHERE id = ?').get(id) !== undefined;
  }

  /** Every live conversation id, newest first (for "export all"). */
  allIds(): string[] {
    return this.db
      .prepare<[], { id: string }>(
        'SELECT id FROM conversations WHERE deleted_at IS NULL ORDER BY updated_at DESC',
      )
      .all()
      .map((row) => row.id);
  }

  /** Writes a conversation exactly as given (import): ids, times, title source included. */
  insertRaw(detail: ConversationDetail, titleSource: string): void {
    this.db
      .prepare(
        `INSERT INTO conversations (id, title, title_source, created_at, updated_at, pinned, deleted_at,
           profile_id, model, system_prompt, parameters, current_leaf_id,
           forked_from_conversation_id, forked_from_message_id, context_policy)
         VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        detail.id,
        detail.title,
        titleSource,
        detail.createdAt,
        detail.updatedAt,
        detail.pinned ? 1 : 0,
        detail.profileId,
        detail.model,
        detail.systemPrompt,
        JSON.stringify(detail.parameters),
        detail.currentLeafId,
        detail.forkedFrom?.conversationId ?? null,
        detail.forkedFrom?.messageId ?? null,
        detail.contextPolicy ?? null,
      );
  }

  private summary(id: string): ConversationSummary | null {
    const row = this.statements.get.get(id);
    return row ? toSummary(row) : null;
  }
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.pinned, cursor.updatedAt, cursor.id])).toString(
    'base64url',
  );
}

function decodeCursor(text: string): Cursor | null {
  try {
    const [pinned, updatedAt, id] = JSON.parse(
      Buffer.from(text, 'base64url').toString('utf8'),
    ) as unknown[];
    if (typeof pinned === 'number' && typeof updatedAt === 'number' && typeof id === 'string')
      return { pinned, updatedAt, id };
  } catch {
    // A cursor we did not make: start from the top.
  }
  return null;
}
