import { describe, expect, it } from 'vitest';
import { KeyStoreUnavailableError, type KeyStore } from '../../src/main/core/secrets/KeyStore';
import { createKeytarKeyStore } from '../../src/main/core/secrets/keytarKeyStore';
import { createMemoryKeyStore } from '../../src/main/core/secrets/memoryKeyStore';
import { headerAccount, keyAccount, SecretVault } from '../../src/main/core/secrets/SecretVault';

/** A keychain that is not there: every call fails the way keytar does without a Secret Service. */
function absentKeychain(): KeyStore {
  const fail = async (): Promise<never> => {
    throw new KeyStoreUnavailableError(
      'No keychain is reachable: Cannot autolaunch D-Bus without X11 $DISPLAY.',
    );
  };
  return { kind: 'keychain', get: fail, set: fail, delete: fail, accounts: fail };
}

describe('memory KeyStore', () => {
  it('stores, lists and deletes secrets', async () => {
    const store = createMemoryKeyStore();
    await store.set('openai', 'sk-one');
    await store.set('work', 'sk-two');
    expect(await store.get('openai')).toBe('sk-one');
    expect((await store.accounts()).sort()).toEqual(['openai', 'work']);
    expect(await store.delete('openai')).toBe(true);
    expect(await store.delete('openai')).toBe(false);
    expect(await store.get('openai')).toBeNull();
  });
});

describe('SecretVault', () => {
  it('keeps keys in the keychain and reports it available', async () => {
    const keychain = createMemoryKeyStore();
    const vault = new SecretVault(keychain);
    await vault.set(keyAccount('openai'), 'sk-test-1234567890', 'keychain');
    expect(await keychain.get('openai')).toBe('sk-test-1234567890');
    expect(await vault.get('openai')).toEqual({ secret: 'sk-test-1234567890', source: 'keychain' });
    expect(await vault.status()).toEqual({ available: true, message: null });
  });

  it('without a keychain: says why, refuses a keychain write, and holds a session-only key in memory', async () => {
    const vault = new SecretVault(absentKeychain());
    const status = await vault.status();
    expect(status.available).toBe(false);
    expect(status.message).toMatch(/No keychain is reachable.*session only/);
    await expect(vault.set('openai', 'sk-x-1234567890', 'keychain')).rejects.toBeInstanceOf(
      KeyStoreUnavailableError,
    );
    expect(await vault.get('openai')).toBeNull();
    await vault.set('openai', 'sk-x-1234567890', 'session');
    expect(await vault.get('openai')).toEqual({ secret: 'sk-x-1234567890', source: 'session' });
  });

  it('removes a profile with its secret headers, and only that profile', async () => {
    const keychain = createMemoryKeyStore();
    const vault = new SecretVault(keychain);
    await vault.set(keyAccount('gw'), 'k1', 'keychain');
    await vault.set(headerAccount('gw', 'X-Portkey-Api-Key'), 'h1', 'keychain');
    await vault.set(keyAccount('gw2'), 'k2', 'keychain');
    await vault.removeProfile('gw');
    expect(await keychain.accounts()).toEqual(['gw2']);
  });
});

describe('keytar KeyStore', () => {
  it('gives up on a keychain that never answers, within its timeout', async () => {
    const never = () => new Promise<never>(() => undefined);
    const store = createKeytarKeyStore({
      service: 'Switchboard-test',
      timeoutMs: 100,
      keytar: {
        getPassword: never,
        setPassword: never,
        deletePassword: never,
        findCredentials: never,
      },
    });
    const started = Date.now();
    await expect(store.get('openai')).rejects.toThrow(/did not answer within/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('turns a keytar failure into KeyStoreUnavailableError with a plain message', async () => {
    const boom = async (): Promise<never> => {
      throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
    };
    const store = createKeytarKeyStore({
      service: 'Switchboard-test',
      keytar: { getPassword: boom, setPassword: boom, deletePassword: boom, findCredentials: boom },
    });
    const error = await store.set('openai', 'sk-secret-value').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyStoreUnavailableError);
    expect(String((error as Error).message)).toMatch(/No keychain is reachable/);
    expect(String((error as Error).message)).not.toContain('sk-secret-value');
  });
});
