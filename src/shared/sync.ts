import { z } from 'zod';
import type { Said } from './said';

/** The WebDAV sync settings as the renderer sees them: never the password or the passphrase. */
export interface SyncSettingsView {
  url: string;
  username: string;
  /** The folder on the server that holds this history's encrypted files. */
  folder: string;
  /** Minutes between syncs; 0 syncs only when asked ("Sync now"). */
  intervalMinutes: number;
  hasPassword: boolean;
  hasPassphrase: boolean;
}

/** What one sync did, counted in conversations. */
export interface SyncSummary {
  at: number;
  uploaded: number;
  downloaded: number;
  /** Conversations changed on both machines: the other machine's version kept as a copy. */
  conflicts: number;
  /** Deleted here because the other machine deleted them. */
  deletedHere: number;
  /** Deleted here first, now deleted on the server too. */
  deletedThere: number;
}

export const syncErrorKinds = [
  'not_configured',
  'wrong_passphrase',
  'auth',
  'unreachable',
  'server',
  'damaged',
  /** Another machine wrote the manifest during this pass: run again. */
  'busy',
  'local',
] as const;
export type SyncErrorKind = (typeof syncErrorKinds)[number];

export interface SyncStatus {
  settings: SyncSettingsView | null;
  running: boolean;
  lastSync: SyncSummary | null;
  /** The last attempt's failure in words; cleared by the next sync that finishes. */
  lastError: { kind: SyncErrorKind; message: string; said?: Said; at: number } | null;
}

export const syncSettingsInput = z
  .object({
    url: z
      .string()
      .trim()
      .max(2000)
      .regex(/^https?:\/\/[^\s]+$/i, 'A WebDAV address starts with https:// or http://'),
    username: z.string().max(500),
    folder: z.string().trim().max(500).default('Switchboard'),
    intervalMinutes: z.number().int().min(0).max(1440),
    /** A new password; absent keeps the stored one. */
    password: z.string().min(1).max(8192).optional(),
    /** A new passphrase; absent keeps the stored one. */
    passphrase: z.string().min(8, 'Use at least 8 characters').max(8192).optional(),
  })
  .strict();
export type SyncSettingsInput = z.output<typeof syncSettingsInput>;
