import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { backupFolder, backupName, checkBackup, removeBackupFile } from '../backups/backupFiles';
import { migrations as allMigrations, type Migration } from './migrations';
import { loadVectorExtension } from '../knowledge/vectorExtension';

export type SqliteDatabase = Database.Database;

/** The database cannot be used as it is; `message` is meant for the person. */
export class StoreOpenError extends Error {
  constructor(
    readonly reason: 'newer_version' | 'corrupt' | 'unreadable' | 'migration_failed',
    message: string,
    /** The SQLite or file-system error behind it, to tell a full disk from a damaged file. */
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreOpenError';
  }
}

export interface OpenDatabaseOptions {
  file: string;
  migrations?: readonly Migration[];
  now?: () => number;
  /** Where the copy before a migration goes (default: the backups folder beside the file). */
  backupDir?: string;
}

export interface OpenedDatabase {
  db: SqliteDatabase;
  /** The schema version found on disk before migrating (0 for a new file). */
  fromVersion: number;
  toVersion: number;
  /** Where the pre-migration copy went, when one was made. */
  backupFile: string | null;
}

/**
 * Opens (creating if needed) the app's SQLite file: WAL so readers never block the writer and a
 * crash loses nothing committed, foreign keys on, a busy timeout instead of instant SQLITE_BUSY.
 * A file written by a newer app is refused before anything touches it; an older one is copied
 * aside, then migrated one numbered step at a time.
 */
export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const steps = checkedMigrations(options.migrations ?? allMigrations);
  const latest = steps.at(-1)?.version ?? 0;
  const existed = existsSync(options.file);

  // Look first, read-only: even setting WAL would write to a file we may have to refuse.
  const found = existed ? readVersion(options.file) : 0;
  if (found > latest) {
    throw new StoreOpenError(
      'newer_version',
      `This history was written by a newer version of Switchboard (schema ${found}; this one knows up to ${latest}). ` +
        'Update Switchboard to open it. The file was not changed.',
    );
  }

  const db = new Database(options.file);
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives an app crash (kill -9); only a power cut can lose the last commits.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 32 MB of page cache (default 2 MB): a long history's indexes stay in memory between clicks.
    db.pragma('cache_size = -32000');
    // Knowledge bases keep their vectors in sqlite-vec tables, read by the same connection.
    loadVectorExtension(db);

    const backupFile = found > 0 && found < latest ? copyBeforeMigrating(db, options, found) : null;
    for (const step of steps.filter((m) => m.version > found)) {
      try {
        db.transaction(() => {
          step.up(db);
          db.pragma(`user_version = ${step.version}`);
        })();
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new StoreOpenError(
          'migration_failed',
          `Updating the history to schema ${step.version} (${step.name}) failed: ${detail}. ` +
            (backupFile ? `A copy from before is at ${backupFile}.` : ''),
          { cause: error },
        );
      }
    }
    return { db, fromVersion: found, toVersion: latest, backupFile };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The copy before a migration, among the other backups (so it is listed, kept and restorable).
 * VACUUM INTO, not a file copy: SQLite writes a consistent copy, WAL included, and it runs
 * synchronously, as opening does. A copy that fails its check is deleted and nothing migrates.
 */
function copyBeforeMigrating(
  db: SqliteDatabase,
  options: OpenDatabaseOptions,
  found: number,
): string {
  const dir = options.backupDir ?? backupFolder(dirname(options.file));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, backupName('pre-migration', (options.now ?? Date.now)(), found));
  db.prepare('VACUUM INTO ?').run(file);
  const fault = checkBackup(file);
  if (fault !== null) {
    removeBackupFile(file);
    throw new StoreOpenError(
      'migration_failed',
      `The copy made before updating the history failed its check (${fault}), so the history was not updated and not changed.`,
    );
  }
  return file;
}

function readVersion(file: string): number {
  let probe: SqliteDatabase | null = null;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    return Number(probe.pragma('user_version', { simple: true }));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // "Not a database" is damage; anything else (no permission, a read-only folder) is not.
    const code = (error as { code?: unknown }).code;
    const damaged = code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
    throw new StoreOpenError(
      damaged ? 'corrupt' : 'unreadable',
      `The history file ${file} cannot be read: ${detail}. It was not changed.`,
      { cause: error },
    );
  } finally {
    probe?.close();
  }
}

/** Versions must run 1, 2, 3… so that adding a migration can never skip or repeat one. */
function checkedMigrations(list: readonly Migration[]): readonly Migration[] {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}.`,
      );
    }
  });
  return list;
}
