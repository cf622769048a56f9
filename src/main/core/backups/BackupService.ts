import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_BACKUPS_KEPT,
  MAX_BACKUPS_KEPT,
  MIN_BACKUPS_KEPT,
  type BackupKind,
  type BackupList,
  type BackupView,
} from '../../../shared/backups';
import type { SqliteDatabase } from '../store/database';
import type { PreferencesStore } from '../preferences/PreferencesStore';
import {
  backupName,
  checkBackup,
  listBackups,
  pruneBackups,
  removeBackupFile,
} from './backupFiles';
import { spoken, type Said, type Spoken } from '../../../shared/said';

const KEEP_PREFERENCE = 'backups.keep';
const DAY_MS = 24 * 60 * 60 * 1000;

/** A backup that could not be made or failed its check; `message` is meant for the person. */
export class BackupError extends Error {
  readonly words: Spoken;
  constructor(words: Spoken, options?: { cause?: unknown }) {
    super(words.message, options);
    this.words = words;
    this.name = 'BackupError';
  }

  get said(): Said {
    return this.words.said;
  }
}

export interface BackupServiceOptions {
  db: SqliteDatabase;
  folder: string;
  preferences: PreferencesStore;
  now?: () => number;
}

/**
 * Backups of the live history through SQLite's online backup API (`db.backup`): pages are copied
 * a batch at a time between other work, so answers keep saving, and the copy is consistent
 * whatever is written meanwhile. Never a file copy of a live database.
 */
export class BackupService {
  private readonly now: () => number;
  private running: Promise<BackupView> | null = null;

  constructor(private readonly options: BackupServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  get folder(): string {
    return this.options.folder;
  }

  keep(): number {
    const value = this.options.preferences.get(KEEP_PREFERENCE);
    return typeof value === 'number' && Number.isInteger(value)
      ? Math.min(MAX_BACKUPS_KEPT, Math.max(MIN_BACKUPS_KEPT, value))
      : DEFAULT_BACKUPS_KEPT;
  }

  setKeep(keep: number): BackupList {
    this.options.preferences.set(KEEP_PREFERENCE, keep);
    pruneBackups(this.folder, this.keep());
    return this.list();
  }

  list(): BackupList {
    return { backups: listBackups(this.folder), folder: this.folder, keep: this.keep() };
  }

  /**
   * One backup at a time: a second request while one runs gets the same one. `spare`: a backup
   * the pruning after it must not delete (the one about to be restored).
   */
  async create(kind: BackupKind, spare?: string): Promise<BackupView> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.write(kind, spare).finally(() => (this.running = null));
    return this.running;
  }

  /** The newest backup is more than a day old (or there is none, and something to keep). */
  dailyDue(): boolean {
    const newest = listBackups(this.folder)[0];
    if (newest) return this.now() - newest.createdAt >= DAY_MS;
    const row = this.options.db.prepare('SELECT 1 FROM conversations LIMIT 1').get();
    return row !== undefined;
  }

  private async write(kind: BackupKind, spare?: string): Promise<BackupView> {
    mkdirSync(this.folder, { recursive: true });
    let at = this.now();
    // Two backups in one millisecond (a click right after the daily one) get distinct names.
    while (existsSync(join(this.folder, backupName(kind, at)))) at += 1;
    const name = backupName(kind, at);
    const file = join(this.folder, name);
    // Written under a name the list ignores, then renamed: a half-written backup is never listed.
    const partial = `${file}.partial`;
    try {
      await this.options.db.backup(partial);
    } catch (error) {
      removeBackupFile(partial);
      const detail = error instanceof Error ? error.message : String(error);
      throw new BackupError(spoken('backup.writeFailed', { detail }), { cause: error });
    }
    const fault = checkBackup(partial);
    if (fault !== null) {
      removeBackupFile(partial);
      throw new BackupError(spoken('backup.checkFailed', { fault }));
    }
    renameSync(partial, file);
    pruneBackups(this.folder, this.keep(), spare);
    return { name, kind, createdAt: at, bytes: statSync(file).size };
  }
}
