import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BaseEntry } from './syncRecords';

/**
 * What the last finished sync left on both sides (per conversation: its hash and its messages'),
 * kept beside the history in `sync-state.json`: the base of each 3-way merge. It belongs to one
 * server folder; another folder starts from nothing.
 */
export interface SyncBase {
  target: string;
  conversations: Record<string, BaseEntry>;
}

export const SYNC_STATE_FILE = 'sync-state.json';

export function readSyncBase(dataDir: string, target: string): SyncBase {
  const file = join(dataDir, SYNC_STATE_FILE);
  try {
    if (existsSync(file)) {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as SyncBase;
      if (parsed.target === target && parsed.conversations) return parsed;
    }
  } catch {
    // A damaged state only costs a merge from nothing: every message is kept.
  }
  return { target, conversations: {} };
}

export function writeSyncBase(dataDir: string, base: SyncBase): void {
  const file = join(dataDir, SYNC_STATE_FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify(base));
  renameSync(`${file}.tmp`, file);
}
