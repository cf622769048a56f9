import { join } from 'node:path';
import { saidOf, spoken, type Spoken } from '../../../shared/said';
import { documentSourceUrl, type KnowledgeHit } from '../../../shared/knowledge';
import type { StreamEvent } from '../../../shared/stream';
import type { ChatServiceDeps } from '../chat/ChatServiceDeps';
import type { ChatRequest, ChatTurn } from '../providers/types';
import { EmbeddingsError } from './embeddingsClient';
import { contextBlock } from './passageBlock';

type Engine = NonNullable<ChatServiceDeps['engine']>;

/** What the wrapper needs of the knowledge service. */
export interface KnowledgeSource {
  search(collectionIds: string[], question: string): Promise<KnowledgeHit[]>;
  /** A collection's folder, to name each source by its file. */
  folderOf(collectionId: string): string | null;
}

/** The question a request answers: its last user turn's text. */
function questionOf(messages: ChatTurn[]): string {
  const last = messages.findLast((turn) => turn.role === 'user');
  return last?.role === 'user' ? last.content.trim() : '';
}

/**
 * The passages worth sending: those scoring at least 0.8 of the best. With reciprocal rank
 * fusion that keeps what ranks high by meaning and by words alike and drops passages only one
 * list liked, so the sources listed are the documents that answer, not every neighbour.
 */
function closeToBest(hits: KnowledgeHit[]): KnowledgeHit[] {
  const best = hits[0]?.score ?? 0;
  return hits.filter((hit) => hit.score >= best * 0.8);
}

function failed(words: Spoken, kind: EmbeddingsError['kind'] = 'bad_request'): StreamEvent[] {
  return [
    { type: 'error', error: { kind, status: null, ...words } },
    {
      type: 'finish',
      finishReason: 'error',
      providerFinishReason: null,
      timing: { ttftMs: null, totalMs: 0 },
    },
  ];
}

/** One answer's search: the question and collections it was made for, and its passages. */
interface AnswerSearch {
  key: string;
  hits: Promise<KnowledgeHit[]>;
}

/**
 * The engine under every answer, a conversation's knowledge collections searched first: the
 * best passages go to the model after the system prompt, each with its document, and the
 * documents sent come back as `citation` events (title: the file's name; url: `document:` and its path)
 * before the finish, so the answer lists them as its sources. A request with no collections
 * goes to the engine as it is; a search that fails ends the answer with its message.
 *
 * Searched once per answer: the tool loop calls the engine again for each step with the same
 * options object (one per answer, ChatService) and the same question, so a later step reuses
 * the first step's passages instead of embedding the question again.
 */
export function knowledgeEngine(engine: Engine, source: KnowledgeSource): Engine {
  const searches = new WeakMap<object, AnswerSearch>();
  // Without collections the engine's own stream is returned: no generator layer on every chunk.
  return (target, request, options) => {
    const { knowledge, ...plain } = request;
    const question = questionOf(request.messages);
    if (!knowledge?.length || !question) return engine(target, plain, options);
    const key = JSON.stringify([knowledge, question]);
    const earlier = searches.get(options);
    const search =
      earlier?.key === key ? earlier : { key, hits: searchFor(source, knowledge, question) };
    searches.set(options, search);
    return withKnowledge(
      { engine, source, hits: search.hits, first: search !== earlier },
      target,
      plain,
      options,
    );
  };
}

/** The best passages for a question, or the failure (kept, so every step reports the same). */
function searchFor(source: KnowledgeSource, collections: string[], question: string) {
  const hits = source.search(collections, question).then(closeToBest);
  // Awaited by the step; a rejection is never left unhandled while it waits.
  hits.catch(() => undefined);
  return hits;
}

async function* withKnowledge(
  run: { engine: Engine; source: KnowledgeSource; hits: Promise<KnowledgeHit[]>; first: boolean },
  ...[target, plain, options]: Parameters<Engine>
): AsyncIterable<StreamEvent> {
  const { engine, source } = run;
  let hits: KnowledgeHit[];
  try {
    hits = await run.hits;
  } catch (error) {
    const kind = error instanceof EmbeddingsError ? error.kind : 'bad_request';
    yield* failed(spoken('knowledge.searchFailed', { detail: saidOf(error) }), kind);
    return;
  }
  const prepared: ChatRequest = hits.length
    ? { ...plain, system: [plain.system, contextBlock(hits)].filter(Boolean).join('\n\n') }
    : plain;
  for await (const event of engine(target, prepared, options)) {
    // The sources once per answer, at the end of the step that searched.
    if (event.type === 'finish' && run.first) yield* citations(hits, source);
    yield event;
  }
}

/** One citation per document the passages came from, in the order they ranked. */
function citations(hits: KnowledgeHit[], source: KnowledgeSource): StreamEvent[] {
  const seen = new Set<string>();
  const out: StreamEvent[] = [];
  for (const hit of hits) {
    const folder = source.folderOf(hit.collectionId);
    if (!folder) continue;
    const url = documentSourceUrl(join(folder, hit.documentPath));
    if (seen.has(url)) continue;
    seen.add(url);
    out.push({ type: 'citation', title: hit.documentName, url });
  }
  return out;
}
