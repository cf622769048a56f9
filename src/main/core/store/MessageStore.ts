import { randomUUID } from 'node:crypto';
import type {
  ChatParameters,
  MessageRole,
  StoredMessage,
  ThreadMessage,
} from '../../../shared/conversations';
import { textParts, type AttachmentPart, type MessagePart } from '../../../shared/messageParts';
import type { FinishReason, ProviderError, StreamTiming, Usage } from '../../../shared/stream';
import { spoken } from '../../../shared/said';
import type { SqliteDatabase } from './database';
import { messageParams, toMessage, type MessageRow } from './rows';

export interface NewMessage {
  conversationId: string;
  parentId: string | null;
  role: MessageRole;
  /** A new message's text (a question, or '' for an answer about to stream): its one text part. */
  content: string;
  /** A question's images and files (references to stored attachments), before its text. */
  attachments?: AttachmentPart[];
  status?: 'streaming' | 'done';
  profileId?: string | null;
  model?: string | null;
  parameters?: ChatParameters | null;
}

/** What is known when an answer ends (or is saved mid-stream). */
export interface AnswerState {
  /** Everything the answer says, in order (text, thinking, a refusal). */
  parts: MessagePart[];
  model?: string | null;
  providerMessageId?: string | null;
  usage?: Usage | null;
  error?: ProviderError | null;
}

export interface AnswerEnd extends AnswerState {
  finishReason: FinishReason;
  providerFinishReason: string | null;
  timing: StreamTiming | null;
}

const INTERRUPTED: ProviderError = {
  kind: 'interrupted',
  status: null,
  ...spoken('storage.closedMidAnswer'),
};

/**
 * Messages as a tree: each has a parent; siblings are versions (regenerate, edit). The thread
 * shown is the path from the conversation's current leaf up to the root.
 */
export class MessageStore {
  private readonly statements;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => number = Date.now,
  ) {
    this.statements = {
      insert: db.prepare<Omit<MessageRow, 'seq'>>(
        `INSERT INTO messages (id, conversation_id, parent_id, role, parts, status, profile_id, model,
           parameters, finish_reason, provider_finish_reason, provider_message_id, usage, ttft_ms, total_ms, error,
           created_at, updated_at, shown_child_id)
         VALUES (@id, @conversation_id, @parent_id, @role, @parts, @status, @profile_id, @model,
           @parameters, @finish_reason, @provider_finish_reason, @provider_message_id, @usage, @ttft_ms, @total_ms,
           @error, @created_at, @updated_at, @shown_child_id)`,
      ),
      get: db.prepare<[string], MessageRow>('SELECT * FROM messages WHERE id = ?'),
      saveParts: db.prepare<[string, number, string]>(
        'UPDATE messages SET parts = ?, updated_at = ? WHERE id = ?',
      ),
      path: db.prepare<[string], MessageRow>(
        `WITH RECURSIVE path (id, parent_id, depth) AS (
           SELECT id, parent_id, 0 FROM messages WHERE id = ?
           UNION ALL
           SELECT m.id, m.parent_id, p.depth + 1 FROM messages m JOIN path p ON m.id = p.parent_id
         )
         SELECT m.* FROM path p JOIN messages m ON m.id = p.id ORDER BY p.depth DESC`,
      ),
      children: db.prepare<[string, string], { id: string }>(
        'SELECT id FROM messages WHERE conversation_id = ? AND parent_id = ? ORDER BY seq',
      ),
      roots: db.prepare<[string], { id: string }>(
        'SELECT id FROM messages WHERE conversation_id = ? AND parent_id IS NULL ORDER BY seq',
      ),
      // The child shown below it last (migration 9) if it still exists, else the newest.
      nextDown: db.prepare<[string, string], { id: string }>(
        `SELECT coalesce(
           (SELECT c.id FROM messages c WHERE c.id = m.shown_child_id AND c.parent_id = m.id),
           (SELECT c.id FROM messages c WHERE c.conversation_id = ? AND c.parent_id = m.id
            ORDER BY c.seq DESC LIMIT 1)) AS id
         FROM messages m WHERE m.id = ?`,
      ),
    };
  }

  append(input: NewMessage): StoredMessage {
    const at = this.now();
    const message: StoredMessage = {
      id: randomUUID(),
      conversationId: input.conversationId,
      parentId: input.parentId,
      role: input.role,
      parts: [...(input.attachments ?? []), ...textParts(input.content)],
      status: input.status ?? 'done',
      profileId: input.profileId ?? null,
      model: input.model ?? null,
      parameters: input.parameters ?? null,
      finishReason: null,
      providerFinishReason: null,
      providerMessageId: null,
      usage: null,
      timing: null,
      error: null,
      createdAt: at,
      updatedAt: at,
      shownChildId: null,
    };
    this.statements.insert.run(messageParams(message));
    return message;
  }

  /** Writes a message exactly as given (import). */
  insertRaw(message: StoredMessage): void {
    this.statements.insert.run(messageParams(message));
  }

  get(id: string): StoredMessage | null {
    const row = this.statements.get.get(id);
    return row ? toMessage(row) : null;
  }

  /** The cheap mid-stream save: the parts only, one indexed row. */
  saveStreamingParts(id: string, parts: readonly MessagePart[]): void {
    this.statements.saveParts.run(JSON.stringify(parts), this.now(), id);
  }

  finish(id: string, end: AnswerEnd): void {
    this.db
      .prepare(
        `UPDATE messages SET parts = @parts, status = 'done',
           model = COALESCE(@model, model), provider_message_id = @providerMessageId, usage = @usage,
           finish_reason = @finishReason, provider_finish_reason = @providerFinishReason,
           ttft_ms = @ttftMs, total_ms = @totalMs, error = @error, updated_at = @at
         WHERE id = @id`,
      )
      .run({
        id,
        parts: JSON.stringify(end.parts),
        model: end.model ?? null,
        providerMessageId: end.providerMessageId ?? null,
        usage: end.usage ? JSON.stringify(end.usage) : null,
        finishReason: end.finishReason,
        providerFinishReason: end.providerFinishReason,
        ttftMs: end.timing?.ttftMs ?? null,
        totalMs: end.timing?.totalMs ?? null,
        error: end.error ? JSON.stringify(end.error) : null,
        at: this.now(),
      });
  }

  /** An answer being continued streams again into the same message. */
  reopen(id: string): void {
    this.db
      .prepare("UPDATE messages SET status = 'streaming', updated_at = ? WHERE id = ?")
      .run(this.now(), id);
  }

  /**
   * At start, any message still 'streaming' was cut by a crash or kill: it keeps its saved text
   * and becomes an interrupted answer that can be continued.
   */
  recoverInterrupted(): number {
    return this.db
      .prepare(
        `UPDATE messages SET status = 'done', finish_reason = 'error', provider_finish_reason = NULL,
           error = ? WHERE status = 'streaming'`,
      )
      .run(JSON.stringify(INTERRUPTED)).changes;
  }

  /** Root → message, in order. */
  pathTo(messageId: string): StoredMessage[] {
    return this.statements.path.all(messageId).map(toMessage);
  }

  /** The thread ending at `leafId`, each message with the versions at its place. */
  thread(conversationId: string, leafId: string | null): ThreadMessage[] {
    if (!leafId) return [];
    return this.pathTo(leafId).map((message) => ({
      ...message,
      versionIds: this.versionIds(conversationId, message.parentId),
    }));
  }

  versionIds(conversationId: string, parentId: string | null): string[] {
    const rows =
      parentId === null
        ? this.statements.roots.all(conversationId)
        : this.statements.children.all(conversationId, parentId);
    return rows.map((row) => row.id);
  }

  /**
   * Where the thread goes on from a chosen version: down through the child shown there last
   * (the branch as it was left), or the newest one where none was shown yet.
   */
  leafFrom(conversationId: string, messageId: string): string {
    let leaf = messageId;
    for (let depth = 0; depth < 100_000; depth++) {
      const child = this.statements.nextDown.get(conversationId, leaf);
      if (!child?.id) break;
      leaf = child.id;
    }
    return leaf;
  }

  /**
   * Deletes a message with everything that followed it (its answers and their follow-ups), in one
   * transaction; search forgets them through the delete trigger. Returns how many went.
   */
  deleteBranch(conversationId: string, messageId: string): number {
    const run = this.db.transaction(() =>
      this.db
        .prepare(
          `WITH RECURSIVE branch(id) AS (
             SELECT id FROM messages WHERE id = ? AND conversation_id = ?
             UNION ALL
             SELECT m.id FROM messages m JOIN branch b ON m.parent_id = b.id
           )
           DELETE FROM messages WHERE id IN (SELECT id FROM branch)`,
        )
        .run(messageId, conversationId),
    );
    return run().changes;
  }

  /** Every message of a conversation, parents before children (export). */
  allOf(conversationId: string): StoredMessage[] {
    return this.db
      .prepare<[string], MessageRow>(
        'SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq',
      )
      .all(conversationId)
      .map(toMessage);
  }

  exists(id: string): boolean {
    return this.statements.get.get(id) !== undefined;
  }
}
