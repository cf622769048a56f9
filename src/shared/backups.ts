/** Why a backup was made: each kind is named in its file and shown in Settings › Data. */
export const backupKinds = ['daily', 'manual', 'pre-migration', 'pre-restore'] as const;
export type BackupKind = (typeof backupKinds)[number];

/** One backup of the history, as Settings › Data lists it (newest first). */
export interface BackupView {
  /** The file's name inside the backups folder: what a restore names. */
  name: string;
  kind: BackupKind;
  /** When it was made (ms since the epoch). */
  createdAt: number;
  bytes: number;
}

export interface BackupList {
  backups: BackupView[];
  /** The folder they live in, shown so a person can find them without the app. */
  folder: string;
  /** How many are kept (the oldest beyond it are deleted after each new one). */
  keep: number;
}

export const MIN_BACKUPS_KEPT = 1;
export const MAX_BACKUPS_KEPT = 100;
export const DEFAULT_BACKUPS_KEPT = 10;
