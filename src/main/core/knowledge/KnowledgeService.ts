import { stat } from 'node:fs/promises';
import { SaidError, saidOf, spoken, type Spoken } from '../../../shared/said';
import { isAbsolute } from 'node:path';
import type {
  IndexProgress,
  KnowledgeCollection,
  KnowledgeDocument,
  KnowledgeHit,
  NewCollection,
} from '../../../shared/knowledge';
import { uncachedTokenCount } from '../context/tokenCounter';
import type { ProviderTarget } from '../providers/types';
import { embedderFor, EmbeddingsError, type Embedder } from './embeddingsClient';
import { hybridSearch } from './hybridSearch';
import { PASSAGES_PER_QUESTION, passageReserve } from './passageReserve';
import { runIndex } from './Indexer';
import { KnowledgeStore } from './KnowledgeStore';
import type Database from 'better-sqlite3';

export interface KnowledgeServiceDeps {
  db: () => Database.Database;
  /** A ready target for a profile id (ProfileResolver.target). */
  target: (profileId: string) => Promise<ProviderTarget>;
  onProgress: (progress: IndexProgress) => void;
  /** The embeddings client for a target (tests and the benchmark pass their own fetch). */
  embedder?: (target: ProviderTarget, model: string) => Embedder;
  now?: () => number;
}

/** A request the person made that cannot be done (a folder that is not there): its message. */
export class KnowledgeError extends SaidError {
  constructor(
    readonly code: 'not_found' | 'invalid_request' | 'unavailable',
    words: Spoken,
  ) {
    super(words);
    this.name = 'KnowledgeError';
  }
}

/**
 * Knowledge bases: collections made from folders, indexed in the background (one pass per
 * collection at a time, each cancellable and resumable), searched for a chat's question.
 */
export class KnowledgeService {
  readonly store: KnowledgeStore;
  private readonly running = new Map<string, { abort: AbortController; done: Promise<void> }>();
  private readonly last = new Map<string, IndexProgress>();
  /** The core is closing: passes stopped now keep their mark and are resumed at next start. */
  private closing = false;

  constructor(private readonly deps: KnowledgeServiceDeps) {
    this.store = new KnowledgeStore(deps.db, deps.now);
  }

  async create(input: NewCollection): Promise<KnowledgeCollection> {
    if (!isAbsolute(input.folder))
      throw new KnowledgeError('invalid_request', spoken('knowledge.fullPath'));
    const info = await stat(input.folder).catch(() => null);
    if (!info?.isDirectory())
      throw new KnowledgeError(
        'invalid_request',
        spoken('knowledge.notAFolder', { folder: input.folder }),
      );
    // Refused before anything is stored: a profile whose provider has no embeddings API.
    await this.embedderOf(input.profileId, input.model);
    const collection = this.store.create(input);
    this.index(collection.id);
    return collection;
  }

  list(): KnowledgeCollection[] {
    return this.store.list();
  }

  documents(id: string): KnowledgeDocument[] {
    this.collection(id);
    return this.store.documents(id);
  }

  folderOf(id: string): string | null {
    return this.store.collection(id)?.folder ?? null;
  }

  /** The last pass's progress per collection (a running one's as it goes). */
  progress(): IndexProgress[] {
    return [...this.last.values()];
  }

  async remove(id: string): Promise<void> {
    await this.cancel(id);
    this.store.remove(id);
    this.last.delete(id);
  }

  /** Starts (or resumes) a pass; one already running is left to run. */
  index(id: string): void {
    const collection = this.collection(id);
    if (this.running.has(id)) return;
    const abort = new AbortController();
    const done = this.pass(collection, abort.signal).finally(() => this.running.delete(id));
    this.running.set(id, { abort, done });
  }

  async cancel(id: string): Promise<void> {
    const job = this.running.get(id);
    if (!job) return;
    job.abort.abort();
    await job.done;
  }

  /** Resolves when the collection's pass (if any) has ended. */
  async settled(id: string): Promise<IndexProgress | null> {
    await this.running.get(id)?.done;
    return this.last.get(id) ?? null;
  }

  /**
   * Passes the app's closing cut off, started again (at core start): a person who quit while a
   * folder indexed expects it to go on, as a download does, not to find it half done and
   * silent. Each goes on from the documents already written; one that cannot (the profile is
   * gone) ends failed with its message and a Resume button, as any pass.
   */
  resumeInterrupted(): void {
    if (this.deps.db().readonly) return; // a history opened read-only could not write them
    for (const id of this.store.interrupted()) this.index(id);
  }

  /** Every running pass stopped (what is indexed stays): the core is closing. */
  async stopAll(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.running.keys()].map((id) => this.cancel(id)));
  }

  /** The passages nearest a question across collections, best first. */
  async search(
    collectionIds: string[],
    question: string,
    limit = PASSAGES_PER_QUESTION,
  ): Promise<KnowledgeHit[]> {
    const hits: KnowledgeHit[] = [];
    for (const id of collectionIds) {
      const collection = this.store.collection(id);
      if (!collection || collection.chunkCount === 0) continue;
      const embed = await this.embedderOf(collection.profileId, collection.model);
      const [embedding] = await embed([question]);
      const query = { collectionIds: [id], text: question, embedding: embedding!, limit };
      hits.push(...hybridSearch(this.deps.db(), this.store.vectors, query));
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /** The most a question's passages from these collections add to a request (passageReserve). */
  passageTokens(collectionIds: readonly string[], count: (text: string) => number): number {
    return passageReserve(this.deps.db(), collectionIds, count);
  }

  private async pass(collection: KnowledgeCollection, signal: AbortSignal): Promise<void> {
    const report = (progress: IndexProgress) => {
      this.last.set(collection.id, progress);
      this.deps.onProgress(progress);
    };
    try {
      this.store.markPass(collection.id, true);
      const embed = await this.embedderOf(collection.profileId, collection.model);
      const count = await uncachedTokenCount(collection.model);
      await runIndex({ collection, store: this.store, embed, count, signal, onProgress: report });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const said = saidOf(error);
      report({
        ...{ collectionId: collection.id, state: 'failed', done: 0, total: 0 },
        ...{ indexed: 0, removed: 0, error: message },
        ...(typeof said === 'object' ? { errorSaid: said } : {}),
      });
    } finally {
      if (!this.closing) this.endPass(collection.id);
    }
  }

  /** The pass's mark cleared: it ended of itself or by the person (a closed file is let be). */
  private endPass(id: string): void {
    try {
      this.store.markPass(id, false);
    } catch {
      // The history was closed or made read-only under the pass: the mark stays, and the next
      // start resumes a pass that finds nothing left to do.
    }
  }

  private async embedderOf(profileId: string, model: string): Promise<Embedder> {
    let target: ProviderTarget;
    try {
      target = await this.deps.target(profileId);
    } catch (error) {
      throw new KnowledgeError(
        'unavailable',
        spoken('knowledge.profileUnusable', { detail: saidOf(error) }),
      );
    }
    try {
      return (this.deps.embedder ?? embedderFor)(target, model);
    } catch (error) {
      if (error instanceof EmbeddingsError)
        throw new KnowledgeError('invalid_request', { message: error.message, said: error.said });
      throw error;
    }
  }

  private collection(id: string): KnowledgeCollection {
    const found = this.store.collection(id);
    if (!found) throw new KnowledgeError('not_found', spoken('knowledge.collectionGone'));
    return found;
  }
}
