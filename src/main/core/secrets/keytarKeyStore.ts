import { createRequire } from 'node:module';
// Types only: the e2e specs load this file outside Vite, where the catalogue's JSON cannot be imported.
import type { Said, SaidCode } from '../../../shared/said';
import { KeyStoreUnavailableError, type KeyStore } from './KeyStore';
import { withTimeout } from './withTimeout';

interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
}

export interface KeytarKeyStoreOptions {
  service: string;
  /** Longest a keychain call may take; a locked keychain's prompt counts, so keep it human-sized. */
  timeoutMs?: number;
  /** For tests: a stand-in for the native module. */
  keytar?: Keytar;
}

/**
 * The OS keychain through keytar (macOS Keychain, Windows Credential Manager, Secret Service on
 * Linux). Every call is bounded in time and every failure becomes KeyStoreUnavailableError with a
 * plain message, so callers can offer a session-only key instead.
 */
export function createKeytarKeyStore(options: KeytarKeyStoreOptions): KeyStore {
  const timeoutMs = options.timeoutMs ?? 5000;
  let loaded: Keytar | null = options.keytar ?? null;
  const keytar = (): Keytar => {
    if (loaded) return loaded;
    try {
      // keytar is a CommonJS native module: required lazily so a missing build only disables the keychain.
      loaded = createRequire(import.meta.url)('keytar') as Keytar;
      return loaded;
    } catch (error) {
      const detail = describe(error);
      throw new KeyStoreUnavailableError(`The keychain module could not load ("${detail}").`, {
        code: 'keychain.moduleFailed',
        params: { detail },
      });
    }
  };
  const call = async <T>(what: KeychainStep, run: (k: Keytar) => Promise<T>): Promise<T> => {
    try {
      return await withTimeout(
        run(keytar()),
        timeoutMs,
        () =>
          new KeyStoreUnavailableError(
            `The keychain did not answer within ${Math.round(timeoutMs / 1000)} s (${stepWords[what]}).`,
            {
              code: 'keychain.noAnswer',
              params: { seconds: Math.round(timeoutMs / 1000), what: { code: what } },
            },
          ),
      );
    } catch (error) {
      if (error instanceof KeyStoreUnavailableError) throw error;
      const [where, detail] = [platformHint(), describe(error)];
      throw new KeyStoreUnavailableError(`No keychain is reachable (${where}): "${detail}".`, {
        code: 'keychain.unreachable',
        params: { where, detail },
      } satisfies Said);
    }
  };
  return {
    kind: 'keychain',
    get: (account) => call('keychain.step.read', (k) => k.getPassword(options.service, account)),
    set: (account, secret) =>
      call('keychain.step.write', (k) => k.setPassword(options.service, account, secret)),
    delete: (account) =>
      call('keychain.step.delete', (k) => k.deletePassword(options.service, account)),
    accounts: async () =>
      (await call('keychain.step.list', (k) => k.findCredentials(options.service))).map(
        (entry) => entry.account,
      ),
  };
}

type KeychainStep = Extract<SaidCode, `keychain.step.${string}`>;

/**
 * The English of each failure is written here as in the errors catalogue (a unit test holds the
 * two together); the code beside it is what the window shows in the person's language.
 */
const stepWords: Record<KeychainStep, string> = {
  'keychain.step.read': 'reading',
  'keychain.step.write': 'writing',
  'keychain.step.delete': 'deleting',
  'keychain.step.list': 'listing',
};

/** Where keytar looks, so "Could not connect" means something to the person (products' names). */
function platformHint(): string {
  if (process.platform === 'linux') return 'Secret Service over D-Bus: GNOME Keyring or KWallet';
  if (process.platform === 'darwin') return 'macOS Keychain';
  return 'Windows Credential Manager';
}

/** The library's message, trimmed; never includes a secret since none is passed to it in errors. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim().slice(0, 200) || 'unknown error';
}
