import type {
  SyncSettingsInput,
  SyncSettingsView,
  SyncStatus,
  SyncSummary,
} from '../../../shared/sync';
import type { PreferencesStore } from '../preferences/PreferencesStore';
import type { SecretVault } from '../secrets/SecretVault';
import type { SqliteDatabase } from '../store/database';
import { LocalHistory } from './localHistory';
import { RemoteFolder } from './remoteFolder';
import { SyncError } from './SyncError';
import type { AttachmentFiles } from './syncAttachments';
import { runSync } from './syncRun';
import { readSyncBase, writeSyncBase } from './syncState';
import { spoken } from '../../../shared/said';

const SETTINGS = 'sync.settings';
const LAST = 'sync.last';
/** Keychain accounts: never a profile id (those have no '#'). */
export const SYNC_PASSWORD_ACCOUNT = 'sync#webdav-password';
export const SYNC_PASSPHRASE_ACCOUNT = 'sync#passphrase';

type StoredSettings = Omit<SyncSettingsView, 'hasPassword' | 'hasPassphrase'>;

export interface SyncServiceOptions {
  db: SqliteDatabase;
  dataDir: string;
  preferences: PreferencesStore;
  vault: SecretVault;
  /** False while the history is read-only (a fault): sync waits, since it could not write here. */
  writable: () => boolean;
  /** Something came in from the other machine: the sidebar reloads. */
  onChanged: () => void;
  /** The attachment files beside the history: they travel with the messages naming them. */
  attachments?: AttachmentFiles;
  now?: () => number;
}

/**
 * WebDAV sync of the history: the settings in preferences, the password and the passphrase in
 * the keychain (never in preferences, never sent to the renderer), one sync at a time, on a
 * schedule and on demand. Its status says the last sync and the last failure in words.
 */
export class SyncService {
  private running: Promise<SyncStatus> | null = null;
  private lastError: SyncStatus['lastError'] = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: SyncServiceOptions) {
    this.now = options.now ?? Date.now;
    this.schedule();
  }

  async status(): Promise<SyncStatus> {
    const stored = this.stored();
    const settings = stored
      ? {
          ...stored,
          hasPassword: (await this.options.vault.get(SYNC_PASSWORD_ACCOUNT)) !== null,
          hasPassphrase: (await this.options.vault.get(SYNC_PASSPHRASE_ACCOUNT)) !== null,
        }
      : null;
    const last = this.options.preferences.get(LAST) as SyncSummary | undefined;
    return {
      settings,
      running: this.running !== null,
      lastSync: last ?? null,
      lastError: this.lastError,
    };
  }

  async save(input: SyncSettingsInput): Promise<SyncStatus> {
    const { password, passphrase, ...settings } = input;
    if (password !== undefined)
      await this.options.vault.set(SYNC_PASSWORD_ACCOUNT, password, 'keychain');
    if (passphrase !== undefined)
      await this.options.vault.set(SYNC_PASSPHRASE_ACCOUNT, passphrase, 'keychain');
    this.options.preferences.set(SETTINGS, settings);
    this.schedule();
    return this.status();
  }

  async remove(): Promise<SyncStatus> {
    this.options.preferences.set(SETTINGS, null);
    await this.options.vault.remove(SYNC_PASSWORD_ACCOUNT).catch(() => undefined);
    await this.options.vault.remove(SYNC_PASSPHRASE_ACCOUNT).catch(() => undefined);
    this.lastError = null;
    this.schedule();
    return this.status();
  }

  /** One sync; a second request while one runs waits for the same one. */
  syncNow(): Promise<SyncStatus> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Settles once no sync is running (close waits for it before the history closes). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async run(): Promise<SyncStatus> {
    try {
      const summary = await this.once();
      this.lastError = null;
      this.options.preferences.set(LAST, summary);
      if (summary.downloaded || summary.deletedHere || summary.conflicts) this.options.onChanged();
    } catch (error) {
      const known = error instanceof SyncError;
      const words = known
        ? { message: error.message, said: error.said }
        : spoken('sync.failedHere', {
            reason: error instanceof Error ? error.message : String(error),
          });
      this.lastError = {
        kind: known ? error.kind : 'local',
        ...words,
        at: this.now(),
      };
    }
    this.running = null;
    return this.status();
  }

  private async once(): Promise<SyncSummary> {
    const settings = this.stored();
    const password = (await this.options.vault.get(SYNC_PASSWORD_ACCOUNT))?.secret ?? '';
    const passphrase = (await this.options.vault.get(SYNC_PASSPHRASE_ACCOUNT))?.secret;
    if (!settings || !passphrase)
      throw new SyncError('not_configured', spoken('sync.notConfigured'));
    if (!this.options.writable()) throw new SyncError('local', spoken('sync.historyReadOnly'));
    const folder = await RemoteFolder.open({ ...settings, password, passphrase });
    const target = `${settings.url.replace(/\/+$/, '')}/${settings.folder}`;
    const base = readSyncBase(this.options.dataDir, target);
    const local = new LocalHistory(this.options.db);
    let result;
    try {
      result = await runSync(local, folder, base, this.now(), this.options.attachments ?? null);
    } catch (error) {
      // Another machine's pass in the same moment: once more, over what it wrote.
      if (!(error instanceof SyncError && error.kind === 'busy')) throw error;
      result = await runSync(local, folder, base, this.now(), this.options.attachments ?? null);
    }
    writeSyncBase(this.options.dataDir, result.base);
    return result.summary;
  }

  private stored(): StoredSettings | null {
    const value = this.options.preferences.get(SETTINGS) as StoredSettings | null | undefined;
    return value && typeof value.url === 'string' ? value : null;
  }

  private schedule(): void {
    this.stop();
    const minutes = this.stored()?.intervalMinutes ?? 0;
    if (minutes <= 0) return;
    this.timer = setInterval(() => void this.syncNow(), minutes * 60_000);
    this.timer.unref?.();
  }
}
