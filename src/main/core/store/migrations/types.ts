import type Database from 'better-sqlite3';

/**
 * One schema step. Versions are numbered 1, 2, 3… with no gaps; a migration runs once, inside
 * a transaction, and is never edited after release: a change is a new migration.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
