import { spoken, type Said } from '../../../shared/said';
import type { IndexProgress, KnowledgeCollection } from '../../../shared/knowledge';
import { EmbeddingsError, type Embedder } from './embeddingsClient';
import type { KnowledgeStore } from './KnowledgeStore';
import { wordCounter } from './passageTokens';
import { embeddable, readDocument, type PassageCounts, type Pending } from './readDocument';
import { scanFolder, type FolderFile } from './scanFolder';

export interface IndexRun {
  collection: KnowledgeCollection;
  store: KnowledgeStore;
  embed: Embedder;
  /** Counts a passage's tokens (the app's tokenizer). */
  count: (text: string) => number;
  signal: AbortSignal;
  onProgress: (progress: IndexProgress) => void;
  /** Passages embedded in one go, across documents (default 64). */
  batchChunks?: number;
  /** Embeddings requests waiting for their answer at once (default 3). */
  inFlight?: number;
}

/** A batch of documents whose passages were sent to be embedded. */
interface Sent {
  docs: Pending[];
  vectors: Promise<Float32Array[]>;
}

/**
 * One index pass over a collection's folder. A file whose size and mtime are as recorded is not
 * read; one whose bytes hash as recorded only has its mtime noted; anything else is extracted,
 * chunked, embedded and written whole (KnowledgeStore.writeBatch), and files gone from the
 * folder are removed. Passages of several documents share embeddings requests.
 */
export async function runIndex(run: IndexRun): Promise<IndexProgress> {
  const { collection, store, signal } = run;
  const progress: IndexProgress = {
    ...{ collectionId: collection.id, state: 'scanning', done: 0, total: 0 },
    ...{ indexed: 0, removed: 0 },
  };
  const tell = () => run.onProgress({ ...progress });
  tell();
  try {
    const files = await scanFolder(collection.folder, signal);
    const known = store.indexed(collection.id);
    const present = new Set(files.map((f) => f.path));
    for (const path of known.keys()) {
      if (present.has(path)) continue;
      store.removeDocument(collection.id, path);
      progress.removed += 1;
    }
    Object.assign(progress, { state: 'indexing', total: files.length });
    tell();
    await indexFiles(run, files, progress, tell);
    store.markIndexed(collection.id);
    progress.state = 'done';
  } catch (error) {
    progress.state = signal.aborted ? 'cancelled' : 'failed';
    if (!signal.aborted) {
      const words = failureSpoken(error, collection.folder);
      progress.error = words.message;
      if (words.said) progress.errorSaid = words.said;
    }
  }
  tell();
  return progress;
}

/**
 * The pass as a pipeline: while up to `inFlight` batches wait for their vectors, the next files
 * are read and chunked, and the oldest batch back is written (one transaction). Batches are
 * written in the order the files are sorted, so a pass cut anywhere (cancelled, failed, the app
 * quit) has written a prefix of its documents, each whole, and the next pass (Resume) goes on
 * from there. Only `inFlight` batches and the one being gathered are held, so memory stays flat
 * however large the folder. A failed batch stops the pass: the ones after it are abandoned.
 */
async function indexFiles(
  run: IndexRun,
  files: FolderFile[],
  progress: IndexProgress,
  tell: () => void,
): Promise<void> {
  const inFlight = Math.max(1, run.inFlight ?? 3);
  const stop = new AbortController();
  const signal = AbortSignal.any([run.signal, stop.signal]);
  const sent: Sent[] = [];
  const writeOldest = async () => {
    const { docs, vectors } = sent.shift()!;
    writeBatch(run, docs, await vectors);
    progress.done += docs.length;
    progress.indexed += docs.length;
    tell();
  };
  try {
    for await (const docs of batches(run, files, progress)) {
      const texts = docs.flatMap((p) => p.texts.map((c) => embeddable(p.write.name, c)));
      const vectors = texts.length ? run.embed(texts, { signal }) : Promise.resolve([]);
      // Handled here so a batch failing while an older one is awaited is not "unhandled";
      // it is thrown when its turn to be written comes.
      vectors.catch(() => undefined);
      sent.push({ docs, vectors });
      if (sent.length >= inFlight) await writeOldest();
    }
    while (sent.length) await writeOldest();
  } finally {
    stop.abort();
  }
}

/**
 * The files that need embedding, read and chunked, in batches of about `batchChunks` passages.
 * Unchanged files are counted as done as they are passed over (their count never waits on an
 * earlier batch's vectors: the bar moves through a folder of mostly unchanged files at once).
 */
async function* batches(
  run: IndexRun,
  files: FolderFile[],
  progress: IndexProgress,
): AsyncGenerator<Pending[]> {
  const known = run.store.indexed(run.collection.id);
  const size = run.batchChunks ?? 64;
  const counts: PassageCounts = { fast: wordCounter(run.count), exact: run.count };
  let docs: Pending[] = [];
  let passages = 0;
  for (const file of files) {
    run.signal.throwIfAborted();
    const before = known.get(file.path);
    if (before && before.size === file.size && before.mtimeMs === file.mtimeMs) {
      progress.done += 1;
      continue;
    }
    const read = await readDocument(file, counts, before?.contentHash);
    if (!read) {
      run.store.touch(before!.id, file.mtimeMs);
      progress.done += 1;
      continue;
    }
    docs.push(read);
    passages += read.texts.length;
    if (passages < size) continue;
    yield docs;
    [docs, passages] = [[], 0];
  }
  if (docs.length) yield docs;
}

/** A batch's documents written whole with their vectors, in one transaction. */
function writeBatch(run: IndexRun, docs: Pending[], vectors: Float32Array[]): void {
  let next = 0;
  const writes = docs.map((doc) => ({
    ...doc.write,
    chunks: doc.texts.map((c) => ({ ...c, embedding: vectors[next++]! })),
  }));
  run.store.writeBatch(run.collection.id, writes);
}

function failureSpoken(error: unknown, folder: string): { message: string; said?: Said } {
  if (error instanceof EmbeddingsError) return { message: error.message, said: error.said };
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return spoken('knowledge.folderGone', { folder });
  if (code === 'EACCES' || code === 'EPERM')
    return spoken('knowledge.folderUnreadable', { folder });
  return { message: error instanceof Error ? error.message : String(error) };
}
