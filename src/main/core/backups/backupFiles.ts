import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { backupKinds, type BackupKind, type BackupView } from '../../../shared/backups';

/** Backups live beside the history, in their own folder. */
export const BACKUP_FOLDER = 'backups';

const namePattern = /^switchboard-(\d{8}T\d{6}\d{3}Z)-([a-z-]+?)(?:-v\d+)?\.db$/;

export function backupFolder(dataDir: string): string {
  return join(dataDir, BACKUP_FOLDER);
}

/** `switchboard-20261203T101500123Z-daily.db`: sortable by name, readable without the app. */
export function backupName(kind: BackupKind, at: number, schema?: number): string {
  const stamp = new Date(at).toISOString().replace(/[-:.]/g, '');
  return `switchboard-${stamp}-${kind}${schema === undefined ? '' : `-v${schema}`}.db`;
}

/** What a file name says, or null for anything that is not one of our backups. */
export function parseBackupName(name: string): { kind: BackupKind; createdAt: number } | null {
  const match = namePattern.exec(name);
  if (!match) return null;
  const kind = backupKinds.find((k) => k === match[2]);
  if (!kind) return null;
  const s = match[1]!;
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
  const createdAt = Date.parse(iso);
  return Number.isNaN(createdAt) ? null : { kind, createdAt };
}

/** The backups in `folder`, newest first; files that are not ours are left out (and alone). */
export function listBackups(folder: string): BackupView[] {
  if (!existsSync(folder)) return [];
  const found: BackupView[] = [];
  for (const name of readdirSync(folder)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    try {
      found.push({ name, ...parsed, bytes: statSync(join(folder, name)).size });
    } catch {
      // Gone between the listing and the look: not a backup any more.
    }
  }
  return found.sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name));
}

/**
 * A backup is only kept once SQLite has read it back: journal mode set to DELETE (so it is one
 * file, no WAL beside it) and `PRAGMA quick_check` answering ok. Returns what was wrong, or null.
 */
export function checkBackup(file: string): string | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const verdict = rows.map((row) => row.quick_check);
    return verdict.length === 1 && verdict[0] === 'ok' ? null : verdict.slice(0, 3).join('; ');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}

/** Removes a backup file and anything SQLite may have left beside it. */
export function removeBackupFile(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`])
    rmSync(path, { force: true });
}

/** Deletes the oldest backups beyond `keep` (never `spare`); returns the names deleted. */
export function pruneBackups(folder: string, keep: number, spare?: string): string[] {
  const excess = listBackups(folder)
    .slice(Math.max(1, keep))
    .filter((backup) => backup.name !== spare);
  for (const backup of excess) removeBackupFile(join(folder, backup.name));
  return excess.map((backup) => backup.name);
}
