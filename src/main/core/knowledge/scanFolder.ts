import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** A file found in a collection's folder. */
export interface FolderFile {
  /** Inside the folder, with `/` on every system (the document's key). */
  path: string;
  absolute: string;
  size: number;
  mtimeMs: number;
}

/** Larger files are listed with a problem rather than read (a log, a data dump). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** Folders no one means as documents: version control, dependencies, build output. */
const SKIPPED_DIRS = new Set(['.git', '.hg', '.svn', 'node_modules', '__pycache__', '.venv']);

/**
 * Every file under a folder, hidden ones and the skipped folders left out, sorted by path so a
 * pass goes in the same order each time (a resumed pass finds what it did first).
 */
export async function scanFolder(folder: string, signal?: AbortSignal): Promise<FolderFile[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files: FolderFile[] = [];
  for (const entry of entries) {
    signal?.throwIfAborted();
    if (!entry.isFile()) continue;
    const absolute = join(entry.parentPath, entry.name);
    const path = relative(folder, absolute).split(sep).join('/');
    const segments = path.split('/');
    if (segments.some((s) => s.startsWith('.') || SKIPPED_DIRS.has(s))) continue;
    const info = await stat(absolute);
    files.push({ path, absolute, size: info.size, mtimeMs: Math.trunc(info.mtimeMs) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
