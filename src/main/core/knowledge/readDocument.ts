import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { said } from '../../../shared/said';
import { chunkText } from './chunkText';
import { extractText } from './extractText';
import type { DocumentWrite } from './KnowledgeStore';
import { withinInputLimit } from './passageTokens';
import { MAX_DOCUMENT_BYTES, type FolderFile } from './scanFolder';

/** Files up to this size are read synchronously (see readDocument). */
const SYNC_READ_BYTES = 256 * 1024;

/** How passages are measured: a fast count to cut them, the exact one to check the limit. */
export interface PassageCounts {
  fast: (text: string) => number;
  exact: (text: string) => number;
}

/** A document read and cut into passages, waiting for its vectors. */
export interface Pending {
  write: Omit<DocumentWrite, 'chunks'>;
  texts: { heading: string | null; text: string }[];
}

/**
 * A file's bytes hashed, its text extracted and cut into passages (or why it has none); null
 * when its bytes hash as recorded.
 */
export async function readDocument(
  file: FolderFile,
  counts: PassageCounts,
  /** The hash recorded for it: equal bytes are not extracted again (null is returned). */
  knownHash?: string,
): Promise<Pending | null> {
  const name = file.path.split('/').at(-1) ?? file.path;
  const base = { path: file.path, name, size: file.size, mtimeMs: file.mtimeMs };
  if (file.size > MAX_DOCUMENT_BYTES) {
    const problem = said('knowledge.docTooLarge', { name, mb: MAX_DOCUMENT_BYTES / 1024 / 1024 });
    return { write: { ...base, contentHash: `size:${file.size}`, problem }, texts: [] };
  }
  let bytes: Uint8Array;
  try {
    // A small file is read in one blocking call: tens of microseconds on a local disk, where the
    // promise API's open/stat/read/close round trips cost ten times the CPU (measured: 2,000
    // files of 5 KB, 16 ms against 150-370 ms). A large one (a PDF) is read without blocking.
    bytes =
      file.size <= SYNC_READ_BYTES ? readFileSync(file.absolute) : await readFile(file.absolute);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    const problem = said('knowledge.docUnreadable', { name, code });
    return { write: { ...base, contentHash: `unread:${file.mtimeMs}`, problem }, texts: [] };
  }
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  if (contentHash === knownHash) return null;
  const extracted = await extractText(bytes, name);
  if ('problem' in extracted)
    return { write: { ...base, contentHash, problem: extracted.problem }, texts: [] };
  return {
    write: { ...base, contentHash, problem: null },
    texts: withinInputLimit(
      chunkText(extracted.text, { count: counts.fast }),
      (chunk) => embeddable(name, chunk),
      counts.exact,
    ),
  };
}

/** A passage as it is embedded: with its document and heading, which say what it is about. */
export function embeddable(name: string, chunk: { heading: string | null; text: string }): string {
  return [name, chunk.heading, chunk.text].filter(Boolean).join('\n');
}
