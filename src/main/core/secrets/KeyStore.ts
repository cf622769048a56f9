/**
 * The port through which main keeps secrets (API keys, secret header values). One account per
 * profile for its key. Adapters: the OS keychain (keytar) and memory (tests, session-only keys).
 */
export interface KeyStore {
  /** 'keychain' persists in the OS keychain; 'memory' is gone when the process ends. */
  readonly kind: 'keychain' | 'memory';
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  /** Accounts that hold a secret (never the secrets). */
  accounts(): Promise<string[]>;
}

/** No keychain answered (no Secret Service, locked, refused, timed out). The message is for people. */
export class KeyStoreUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyStoreUnavailableError';
  }
}

/** The service name keys live under; tests pass their own so they never touch a person's entries. */
export const DEFAULT_KEYCHAIN_SERVICE = 'Switchboard';

export function keychainServiceFrom(env: NodeJS.ProcessEnv): string {
  return env.SWITCHBOARD_KEYCHAIN_SERVICE?.trim() || DEFAULT_KEYCHAIN_SERVICE;
}
