import { join } from 'node:path';
import { saidOf, spoken, type Spoken } from '../../../shared/said';
import { documentSourceUrl, type KnowledgeHit } from '../../../shared/knowledge';
import type { StreamEvent } from '../../../shared/stream';
import type { ChatServiceDeps } from '../chat/ChatServiceDeps';
import type { ChatRequest, ChatTurn } from '../providers/types';
import { EmbeddingsError } from './embeddingsClient';

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

/** The passages as the model reads them, each with its source, after the system prompt. */
export function contextBlock(hits: KnowledgeHit[]): string {
  const passages = hits.map(
    (hit, i) =>
      `<passage n="${i + 1}" source="${hit.documentPath}"${hit.heading ? ` section="${hit.heading}"` : ''}>\n${hit.text}\n</passage>`,
  );
  return [
    'Passages from the person’s own documents (their knowledge base), found for this question.',
    'Answer from them where they apply and name the documents you used; if they do not answer the question, say so.',
    ...passages,
  ].join('\n\n');
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

/**
 * The engine under every answer, a conversation's knowledge collections searched first: the
 * best passages go to the model after the system prompt, each with its document, and the
 * documents sent come back as `citation` events (title: the file's name; url: `document:` and its path)
 * before the finish, so the answer lists them as its sources. A request with no collections
 * goes to the engine as it is; a search that fails ends the answer with its message.
 */
export function knowledgeEngine(engine: Engine, source: KnowledgeSource): Engine {
  // Without collections the engine's own stream is returned: no generator layer on every chunk.
  return (target, request, options) => {
    const { knowledge, ...plain } = request;
    const question = questionOf(request.messages);
    if (!knowledge?.length || !question) return engine(target, plain, options);
    return withKnowledge(
      { engine, source, collections: knowledge, question },
      target,
      plain,
      options,
    );
  };
}

async function* withKnowledge(
  run: { engine: Engine; source: KnowledgeSource; collections: string[]; question: string },
  ...[target, plain, options]: Parameters<Engine>
): AsyncIterable<StreamEvent> {
  const { engine, source } = run;
  let hits: KnowledgeHit[];
  try {
    hits = closeToBest(await source.search(run.collections, run.question));
  } catch (error) {
    const kind = error instanceof EmbeddingsError ? error.kind : 'bad_request';
    yield* failed(spoken('knowledge.searchFailed', { detail: saidOf(error) }), kind);
    return;
  }
  const prepared: ChatRequest = hits.length
    ? { ...plain, system: [plain.system, contextBlock(hits)].filter(Boolean).join('\n\n') }
    : plain;
  for await (const event of engine(target, prepared, options)) {
    if (event.type === 'finish') yield* citations(hits, source);
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
