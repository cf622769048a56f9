import type { MessageRole, SearchHit, SnippetSegment } from '../../../shared/conversations';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './database';

// Control characters cannot come from a person's search words, so they mark the match safely.
const OPEN = '\u0002';
const CLOSE = '\u0003';

interface TitleRow {
  id: string;
  title: string;
  updated_at: number;
}

interface HitRow {
  message_id: string;
  conversation_id: string;
  role: MessageRole;
  created_at: number;
  title: string;
  snippet: string;
}

/**
 * Full-text search over every message (FTS5, kept in sync by triggers). CROSS JOIN pins the FTS
 * table as the outer loop whatever statistics say, so the limit stops the walk. Newest first:
 * FTS5 walks its rowids backwards and stops at the limit, so a common word over a million
 * messages costs about what a rare one does.
 */
export class ConversationSearch {
  private readonly db: SqliteDatabase;
  private readonly statement;
  // Titles are few beside messages (one a conversation): a scan with LIKE is fast enough and
  // finds a renamed chat whatever its messages say.
  private readonly titles = new Map<number, Statement<(string | number)[], TitleRow>>();

  constructor(db: SqliteDatabase) {
    this.statement = db.prepare<[string, number], HitRow>(
      `SELECT m.id AS message_id, m.conversation_id, m.role, m.created_at, c.title,
         snippet(messages_fts, 0, '${OPEN}', '${CLOSE}', '…', 12) AS snippet
       FROM messages_fts
       CROSS JOIN messages m ON m.seq = messages_fts.rowid
       CROSS JOIN conversations c ON c.id = m.conversation_id
       WHERE messages_fts MATCH ? AND c.deleted_at IS NULL
       ORDER BY messages_fts.rowid DESC
       LIMIT ?`,
    );
    this.db = db;
  }

  /**
   * Every word must be in the title: one LIKE each, ANDed, so each title costs a few string
   * compares and only the matches are sorted. The single statement this replaced (json_each of
   * the words, GROUP BY, HAVING SUM) joined and grouped every conversation: with the benchmark's
   * 20k it took 33 ms of the search's 34 ms median, the slowdown first blamed on message parts.
   */
  private titleStatement(wordCount: number): Statement<(string | number)[], TitleRow> {
    let statement = this.titles.get(wordCount);
    if (!statement) {
      const likes = Array.from({ length: wordCount }, () => `c.title LIKE ? ESCAPE '\\'`);
      statement = this.db.prepare<(string | number)[], TitleRow>(
        `SELECT c.id, c.title, c.updated_at FROM conversations c
         WHERE c.deleted_at IS NULL AND ${likes.join(' AND ')}
         ORDER BY c.updated_at DESC
         LIMIT ?`,
      );
      this.titles.set(wordCount, statement);
    }
    return statement;
  }

  /** Conversations whose title holds every word, newest first, the words marked. */
  private titleHits(text: string, limit: number): SearchHit[] {
    const words = titleWords(text);
    if (words.length === 0) return [];
    const patterns = words.map((word) => `%${word.replace(/[\\%_]/g, '\\$&')}%`);
    return this.titleStatement(words.length)
      .all(...patterns, limit)
      .map((row) => ({
        conversationId: row.id,
        conversationTitle: row.title,
        messageId: null,
        role: null,
        createdAt: row.updated_at,
        segments: markWords(row.title, words),
      }));
  }

  search(text: string, limit: number): SearchHit[] {
    const hits: SearchHit[] = this.titleHits(text, limit);
    const seen = new Set<string>();
    for (const query of planFtsQueries(text)) {
      for (const row of this.statement.all(query, limit)) {
        if (seen.has(row.message_id) || hits.length >= limit) continue;
        seen.add(row.message_id);
        hits.push({
          conversationId: row.conversation_id,
          conversationTitle: row.title,
          messageId: row.message_id,
          role: row.role,
          createdAt: row.created_at,
          segments: toSegments(row.snippet),
        });
      }
      if (hits.length >= limit) break;
    }
    return hits;
  }
}

/** Prefix lengths the FTS table indexes (migration 1): such a prefix query is one lookup. */
const INDEXED_PREFIX = { min: 2, max: 4 };

/**
 * Turns what a person typed into FTS5 queries, tried in order until there are enough hits.
 * Every word must match; words are quoted, so FTS5 syntax in the input is just text. The last
 * word also matches as a prefix (results while typing): at 2-4 characters through the prefix
 * index; longer, only after the exact word fell short, because an unindexed prefix merges the
 * lists of every term it matches (slow for a common word).
 */
export function planFtsQueries(text: string): string[] {
  const words = text
    .split(/\s+/)
    // Quotes would end the FTS5 string; control characters are our snippet markers.
    .map((word) => [...word].filter((ch) => ch !== '"' && ch >= ' ').join(''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, 16);
  const last = words.at(-1);
  if (last === undefined) return [];
  const quoted = words.map((word) => `"${word}"`).join(' ');
  const prefix = `${quoted}*`;
  const length = [...last].length;
  if (length < INDEXED_PREFIX.min) return [quoted];
  if (length <= INDEXED_PREFIX.max) return [prefix];
  return [quoted, prefix];
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

/** The words of a search as title matching sees them (the same cleaning as for messages). */
function titleWords(text: string): string[] {
  return text
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, 16);
}

/** The title cut into pieces, each occurrence of a word (any case) marked as a match. */
export function markWords(title: string, words: string[]): SnippetSegment[] {
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(${escaped.join('|')})`, 'giu');
  return title
    .split(pattern)
    .filter((part) => part.length > 0)
    .map((part) => ({
      text: part,
      match: words.some((w) => w.toLowerCase() === part.toLowerCase()),
    }));
}
