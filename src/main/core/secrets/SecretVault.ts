import { said, saidOf, spoken } from '../../../shared/said';
import type { KeychainStatus, KeySource } from '../../../shared/profiles';
import { KeyStoreUnavailableError, type KeyStore } from './KeyStore';
import { KnownSecrets } from './KnownSecrets';
import { createMemoryKeyStore } from './memoryKeyStore';

export type KeyStorage = 'keychain' | 'session';

export interface StoredSecret {
  secret: string;
  source: Extract<KeySource, 'keychain' | 'session'>;
}

const PROBE_ACCOUNT = '__switchboard_probe__';

/** The account a profile's key lives under: the profile id itself (one account per profile). */
export const keyAccount = (profileId: string): string => profileId;
/** Secret header values sit beside the key, under the profile id and the header's lower-case name. */
export const headerAccount = (profileId: string, header: string): string =>
  `${profileId}#header:${header.toLowerCase()}`;

/**
 * Main's view of secrets: the OS keychain first, session-only memory beside it for when no keychain
 * is reachable. Reads never throw (an unreachable keychain reads as "no key" and is reported by
 * status); writes to the keychain throw KeyStoreUnavailableError so the caller can offer a session key.
 */
export class SecretVault {
  private lastStatus: KeychainStatus | null = null;

  constructor(
    private readonly keychain: KeyStore,
    private readonly session: KeyStore = createMemoryKeyStore(),
    /** Every secret read or written is noted here, so the crash log can strike it out. */
    private readonly known: KnownSecrets = new KnownSecrets(),
  ) {}

  /** Probes the keychain once, then reports what the last call found. */
  async status(): Promise<KeychainStatus> {
    if (!this.lastStatus) {
      try {
        await this.keychain.get(PROBE_ACCOUNT);
        this.markAvailable();
      } catch (error) {
        this.markUnavailable(error);
      }
    }
    return this.lastStatus ?? { available: false, message: null };
  }

  async get(account: string): Promise<StoredSecret | null> {
    const session = await this.session.get(account);
    this.known.add(session);
    if (session !== null) return { secret: session, source: 'session' };
    try {
      const secret = await this.keychain.get(account);
      this.known.add(secret);
      this.markAvailable();
      return secret === null ? null : { secret, source: 'keychain' };
    } catch (error) {
      this.markUnavailable(error);
      return null;
    }
  }

  async set(account: string, secret: string, storage: KeyStorage): Promise<void> {
    this.known.add(secret);
    if (storage === 'session') {
      await this.session.set(account, secret);
      return;
    }
    try {
      await this.keychain.set(account, secret);
      this.markAvailable();
    } catch (error) {
      this.markUnavailable(error);
      throw error instanceof KeyStoreUnavailableError
        ? error
        : new KeyStoreUnavailableError(spoken('keychain.refused'));
    }
    // A key now in the keychain replaces a session one, so the two never disagree.
    await this.session.delete(account);
  }

  async remove(account: string): Promise<void> {
    await this.session.delete(account);
    try {
      await this.keychain.delete(account);
      this.markAvailable();
    } catch (error) {
      this.markUnavailable(error);
      throw error;
    }
  }

  /** Removes the key and every secret header of a profile. */
  async removeProfile(profileId: string): Promise<void> {
    const prefix = `${profileId}#header:`;
    const owned = (account: string) =>
      account === keyAccount(profileId) || account.startsWith(prefix);
    const sessionAccounts = (await this.session.accounts()).filter(owned);
    for (const account of sessionAccounts) await this.session.delete(account);
    try {
      for (const account of (await this.keychain.accounts()).filter(owned))
        await this.keychain.delete(account);
    } catch (error) {
      this.markUnavailable(error);
    }
  }

  private markAvailable(): void {
    this.lastStatus = { available: true, message: null };
  }

  private markUnavailable(error: unknown): void {
    const reason = error instanceof Error ? saidOf(error) : said('keychain.none');
    this.lastStatus = { available: false, ...spoken('keychain.sessionOnly', { reason }) };
  }
}
