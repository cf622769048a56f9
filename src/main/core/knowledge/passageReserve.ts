import type Database from 'better-sqlite3';
import type { KnowledgeHit } from '../../../shared/knowledge';
import { prepared } from './statementCache';
import { contextBlock } from './passageBlock';

/** Passages sent at most per question (KnowledgeService.search's limit). */
export const PASSAGES_PER_QUESTION = 6;

/** Chat framing a system message adds when the passages are the only system text. */
const SYSTEM_FRAMING = 4;

type Passage = Pick<KnowledgeHit, 'text' | 'heading' | 'documentPath'>;

/**
 * The most the knowledge passages can add to a request, in tokens of the chat model: the
 * passages are chosen per question at send, so before it the meter can only hold room for the
 * largest block the collections could give (their longest passages, framed as they are sent).
 * The longest by characters are candidates (twice as many as are sent), each counted, so a
 * passage of dense text that is shorter in characters still counts.
 */
export function passageReserve(
  db: Database.Database,
  collectionIds: readonly string[],
  count: (text: string) => number,
): number {
  if (collectionIds.length === 0) return 0;
  const candidates = prepared(
    db,
    `SELECT c.text, c.heading, d.path AS documentPath
       FROM knowledge_chunks c JOIN knowledge_documents d ON d.id = c.document_id
       WHERE d.collection_id IN (SELECT value FROM json_each(?))
       ORDER BY length(c.text) + length(d.path) + COALESCE(length(c.heading), 0) DESC
       LIMIT ?`,
  ).all(JSON.stringify(collectionIds), PASSAGES_PER_QUESTION * 2) as Passage[];
  if (candidates.length === 0) return 0;
  const largest = candidates
    .map((passage) => ({ passage, tokens: count(contextBlock([passage])) }))
    .sort((a, b) => b.tokens - a.tokens)
    .slice(0, PASSAGES_PER_QUESTION)
    .map((sized) => sized.passage);
  return SYSTEM_FRAMING + count(contextBlock(largest));
}
