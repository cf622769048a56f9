import { describe, expect, it } from 'vitest';
import { createMemoryPreferences } from '../../../src/main/core/preferences/PreferencesStore';
import { SearchService } from '../../../src/main/core/search/SearchService';
import { KeyStoreUnavailableError, type KeyStore } from '../../../src/main/core/secrets/KeyStore';
import { createMemoryKeyStore } from '../../../src/main/core/secrets/memoryKeyStore';
import { SecretVault } from '../../../src/main/core/secrets/SecretVault';
import { defaultSearchSettings, type SearchSettings } from '../../../src/shared/searchChannels';

/** A keychain that never answers (no Secret Service), as on a headless machine. */
const unreachable: KeyStore = {
  kind: 'keychain',
  get: () => Promise.reject(new KeyStoreUnavailableError('no Secret Service')),
  set: () => Promise.reject(new KeyStoreUnavailableError('no Secret Service')),
  delete: () => Promise.reject(new KeyStoreUnavailableError('no Secret Service')),
  accounts: () => Promise.reject(new KeyStoreUnavailableError('no Secret Service')),
};

function service(settings: Partial<SearchSettings>, keychain: KeyStore = createMemoryKeyStore()) {
  const preferences = createMemoryPreferences();
  preferences.set('search.settings', { ...defaultSearchSettings, ...settings });
  return new SearchService({ preferences, vault: new SecretVault(keychain) });
}

describe('why a search cannot be made (cli ask --web-search)', () => {
  it('names what is missing in the catalogue’s words', async () => {
    expect((await service({ provider: 'none' }).notReady())?.said.code).toBe('search.noProvider');
    expect((await service({ provider: 'searxng' }).notReady())?.said.code).toBe(
      'search.noSearxngUrl',
    );
    const keyless = await service({ provider: 'tavily' }).notReady();
    expect(keyless).toMatchObject({ message: 'No Tavily key is set (Settings › Web search).' });
  });

  it('a keychain that cannot be reached is said as such, not as a missing key', async () => {
    const words = await service({ provider: 'brave' }, unreachable).notReady();
    expect(words?.said).toMatchObject({ code: 'search.keychainUnreachable' });
    expect(words?.message).toBe(
      'The Brave Search key could not be read: the keychain could not be reached.',
    );
  });

  it('ready: nothing to say', async () => {
    const searxng = service({ provider: 'searxng', searxngUrl: 'http://127.0.0.1:8888' });
    expect(await searxng.notReady()).toBeNull();
  });
});
