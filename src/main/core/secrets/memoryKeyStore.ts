import type { KeyStore } from './KeyStore';

/** Secrets held in this process only: unit tests, and session-only keys when no keychain is reachable. */
export function createMemoryKeyStore(): KeyStore {
  const secrets = new Map<string, string>();
  return {
    kind: 'memory',
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => {
      secrets.set(account, secret);
    },
    delete: async (account) => secrets.delete(account),
    accounts: async () => [...secrets.keys()],
  };
}
