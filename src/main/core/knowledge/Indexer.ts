import { createHash } from 'node:crypto';
import { spoken, type Said } from '../../../shared/said';
import { readFile } from 'node:fs/promises';
import type { IndexProgress, KnowledgeCollection } from '../../../shared/knowledge';
import { chunkText } from './chunkText';
import { EmbeddingsError, type Embedder } from './embeddingsClient';
import { extractText } from './extractText';
import type { DocumentWrite, KnowledgeStore } from './KnowledgeStore';
import { said } from '../../../shared/said';
import { MAX_DOCUMENT_BYTES, scanFolder, type FolderFile } from './scanFolder';

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
}

/** A document read and cut into passages, waiting for its vectors. */
interface Pending {
  write: Omit<DocumentWrite, 'chunks'>;
  texts: { heading: string | null; text: string }[];
}

/**
 * One index pass over a collection's folder. A file whose size and mtime are as recorded is not
 * read; one whose bytes hash as recorded only has its mtime noted; anything else is extracted,
 * chunked, embedded and written whole (KnowledgeStore.write), and files gone from the folder
 * are removed. Passages of several documents share embeddings requests. Each document is
 * written as soon as its vectors are back, so a cancelled or failed pass keeps what it did and
 * the next pass (Resume) starts from there.
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

async function indexFiles(
  run: IndexRun,
  files: FolderFile[],
  progress: IndexProgress,
  tell: () => void,
): Promise<void> {
  const known = run.store.indexed(run.collection.id);
  const batch = run.batchChunks ?? 64;
  let pending: Pending[] = [];
  const flush = async () => {
    await embedAndWrite(run, pending);
    progress.done += pending.length;
    progress.indexed += pending.length;
    pending = [];
    tell();
  };
  for (const file of files) {
    run.signal.throwIfAborted();
    const before = known.get(file.path);
    if (before && before.size === file.size && before.mtimeMs === file.mtimeMs) {
      progress.done += 1;
      continue;
    }
    const read = await readDocument(file, run.count);
    if (before && before.contentHash === read.write.contentHash) {
      run.store.touch(before.id, file.mtimeMs);
      progress.done += 1;
      continue;
    }
    pending.push(read);
    if (pending.reduce((n, p) => n + p.texts.length, 0) >= batch) await flush();
  }
  if (pending.length) await flush();
}

async function readDocument(file: FolderFile, count: (t: string) => number): Promise<Pending> {
  const name = file.path.split('/').at(-1) ?? file.path;
  const base = { path: file.path, name, size: file.size, mtimeMs: file.mtimeMs };
  if (file.size > MAX_DOCUMENT_BYTES) {
    const problem = said('knowledge.docTooLarge', { name, mb: MAX_DOCUMENT_BYTES / 1024 / 1024 });
    return { write: { ...base, contentHash: `size:${file.size}`, problem }, texts: [] };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file.absolute);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    const problem = said('knowledge.docUnreadable', { name, code });
    return { write: { ...base, contentHash: `unread:${file.mtimeMs}`, problem }, texts: [] };
  }
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  const extracted = await extractText(bytes, name);
  if ('problem' in extracted)
    return { write: { ...base, contentHash, problem: extracted.problem }, texts: [] };
  return {
    write: { ...base, contentHash, problem: null },
    texts: chunkText(extracted.text, { count }),
  };
}

/** One embeddings pass for several documents' passages, then each document written whole. */
async function embedAndWrite(run: IndexRun, pending: Pending[]): Promise<void> {
  const texts = pending.flatMap((p) => p.texts.map((c) => embeddable(p.write.name, c)));
  const vectors = texts.length ? await run.embed(texts, { signal: run.signal }) : [];
  let next = 0;
  for (const doc of pending) {
    const chunks = doc.texts.map((c) => ({ ...c, embedding: vectors[next++]! }));
    run.store.write(run.collection.id, { ...doc.write, chunks });
  }
}

/** A passage as it is embedded: with its document and heading, which say what it is about. */
function embeddable(name: string, chunk: { heading: string | null; text: string }): string {
  return [name, chunk.heading, chunk.text].filter(Boolean).join('\n');
}

function failureSpoken(error: unknown, folder: string): { message: string; said?: Said } {
  if (error instanceof EmbeddingsError) return { message: error.message, said: error.said };
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return spoken('knowledge.folderGone', { folder });
  if (code === 'EACCES' || code === 'EPERM')
    return spoken('knowledge.folderUnreadable', { folder });
  return { message: error instanceof Error ? error.message : String(error) };
}
