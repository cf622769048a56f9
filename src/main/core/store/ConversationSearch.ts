import type { MessageRole, SearchHit, SnippetSegment } from '../../../shared/conversations';
import type { SqliteDatabase } from './database';

// Control characters cannot come from a person's search words, so they mark the match safely.
const OPEN = '\u0002';
const CLOSE = '\u0003';

interface HitRow {
  message_id: string;
  conversation_id: string;
  role: MessageRole;
  created_at: number;
  title: string;
  snippet: string;
}

/**
 * Full-text search over every message (FTS5, kept in sync by triggers). Newest matches first:
 * FTS5 walks its rowids backwards and stops at the limit, so a common word over a million
 * messages costs about what a rare one does.
 */
export class ConversationSearch {
  private readonly statement;

  constructor(db: SqliteDatabase) {
    this.statement = db.prepare<[string, number], HitRow>(
      `SELECT m.id AS message_id, m.conversation_id, m.role, m.created_at, c.title,
         snippet(messages_fts, 0, '${OPEN}', '${CLOSE}', '…', 12) AS snippet
       FROM messages_fts
       JOIN messages m ON m.seq = messages_fts.rowid
       JOIN conversations c ON c.id = m.conversation_id
       WHERE messages_fts MATCH ? AND c.deleted_at IS NULL
       ORDER BY messages_fts.rowid DESC
       LIMIT ?`,
    );
  }

  search(text: string, limit: number): SearchHit[] {
    const query = toFtsQuery(text);
    if (!query) return [];
    return this.statement.all(query, limit).map((row) => ({
      conversationId: row.conversation_id,
      conversationTitle: row.title,
      messageId: row.message_id,
      role: row.role,
      createdAt: row.created_at,
      segments: toSegments(row.snippet),
    }));
  }
}

/**
 * Turns what a person typed into an FTS5 query: every word must match, the last one as a
 * prefix (results while typing). Words are quoted, so FTS5 syntax in the input is just text.
 */
export function toFtsQuery(text: string): string | null {
  const words = text
    .split(/\s+/)
    // Quotes would end the FTS5 string; control characters are our snippet markers.
    .map((word) => [...word].filter((ch) => ch !== '"' && ch >= ' ').join(''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, 16);
  if (words.length === 0) return null;
  return words.map((word, index) => `"${word}"${index === words.length - 1 ? '*' : ''}`).join(' ');
}

export function toSegments(snippet: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  for (const [index, part] of snippet.split(OPEN).entries()) {
    if (index === 0) {
      if (part) segments.push({ text: part, match: false });
      continue;
    }
    const [matched = '', rest = ''] = part.split(CLOSE);
    if (matched) segments.push({ text: matched, match: true });
    if (rest) segments.push({ text: rest, match: false });
  }
  return segments;
}
