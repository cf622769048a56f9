/**
 * The port through which main keeps secrets (API keys, secret header values). One account per
 * profile for its key. Adapters: the OS keychain (keytar) and memory (tests, session-only keys).
 */
import type { Said, Spoken } from '../../../shared/said';

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
  /** The message as a code (errors catalogue), so the window says it in the person's language. */
  readonly said: Said | undefined;
  constructor(message: string | Spoken, said?: Said) {
    super(typeof message === 'string' ? message : message.message);
    this.said = typeof message === 'string' ? said : message.said;
    this.name = 'KeyStoreUnavailableError';
  }
}

/** The service name keys live under; tests pass their own so they never touch a person's entries. */
export const DEFAULT_KEYCHAIN_SERVICE = 'Switchboard';

export function keychainServiceFrom(env: NodeJS.ProcessEnv): string {
  return env.SWITCHBOARD_KEYCHAIN_SERVICE?.trim() || DEFAULT_KEYCHAIN_SERVICE;
}
