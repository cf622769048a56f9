/**
 * Knowledge bases (issue 20): collections of the person's documents, indexed on this machine,
 * searched by meaning (embeddings) and by words (FTS5). Shared by core, IPC and the renderer.
 */
import { z } from 'zod';
import type { Said } from './said';

export interface KnowledgeCollection {
  id: string;
  name: string;
  /** The folder its documents come from (absolute). */
  folder: string;
  /** The profile whose embeddings API indexes it, and the model. */
  profileId: string;
  model: string;
  documentCount: number;
  chunkCount: number;
  /** When an index pass last finished (ms epoch), null before the first. */
  indexedAt: number | null;
}

export interface KnowledgeDocument {
  path: string;
  name: string;
  size: number;
  chunkCount: number;
  /** Why it could not be indexed (a scan without text, an unsupported file), else null. */
  problem: string | null;
  /** `problem` as a code, shown in the person's language. */
  problemSaid?: Said;
}

export type IndexState = 'scanning' | 'indexing' | 'done' | 'cancelled' | 'failed';

/** Where an index pass is: `done` of `total` documents looked at; `error` when it failed. */
export interface IndexProgress {
  collectionId: string;
  state: IndexState;
  done: number;
  total: number;
  /** Documents whose text was read and embedded in this pass (unchanged ones are skipped). */
  indexed: number;
  removed: number;
  error?: string;
  /** `error` as a code, shown in the person's language (absent: show `error`). */
  errorSaid?: Said;
}

/** A passage found for a question, with the document it comes from. */
export interface KnowledgeHit {
  chunkId: number;
  text: string;
  heading: string | null;
  documentName: string;
  /** The document's path inside the collection's folder. */
  documentPath: string;
  collectionId: string;
  score: number;
}

export const newCollectionSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    folder: z.string().min(1).max(4096),
    profileId: z.string().min(1).max(200),
    model: z.string().trim().min(1).max(200),
  })
  .strict();
export type NewCollection = z.infer<typeof newCollectionSchema>;

/**
 * A knowledge source as a citation names it: `document:` and the file's absolute path, URI
 * encoded. Not a `file://` URL: nothing opens it (the window's link handler opens web pages only,
 * and main never builds a file:// URL), it only says where the document is.
 */
const DOCUMENT_SCHEME = 'document:';

export function documentSourceUrl(absolutePath: string): string {
  return DOCUMENT_SCHEME + encodeURI(absolutePath);
}

/** A knowledge source's file path from its citation URL, or null for a web page. */
export function documentPathOf(url: string): string | null {
  if (!url.startsWith(DOCUMENT_SCHEME)) return null;
  try {
    return decodeURI(url.slice(DOCUMENT_SCHEME.length));
  } catch {
    return null;
  }
}
