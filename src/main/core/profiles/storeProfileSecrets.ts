import type { Profile } from '../../../shared/profiles';
import { HandlerError } from '../../../shared/result';
import { KeyStoreUnavailableError } from '../secrets/KeyStore';
import {
  headerAccount,
  keyAccount,
  type KeyStorage,
  type SecretVault,
} from '../secrets/SecretVault';
import { saidOf, spoken } from '../../../shared/said';

/**
 * Writes a profile's key and secret headers to the vault (or removes them). A keychain that is
 * not there is said in words the person can act on: the key can be kept for this session only.
 */
export async function storeProfileSecrets(
  vault: SecretVault,
  profile: Profile,
  request: {
    apiKey?: string | undefined;
    removeKey?: boolean | undefined;
    headerSecrets?: Record<string, string | null> | undefined;
    keyStorage: KeyStorage;
  },
): Promise<void> {
  try {
    if (request.apiKey) await vault.set(keyAccount(profile.id), request.apiKey, request.keyStorage);
    else if (request.removeKey) await vault.remove(keyAccount(profile.id));
    for (const [name, value] of Object.entries(request.headerSecrets ?? {})) {
      if (value === null) await vault.remove(headerAccount(profile.id, name));
      else await vault.set(headerAccount(profile.id, name), value, request.keyStorage);
    }
  } catch (error) {
    if (error instanceof KeyStoreUnavailableError) {
      throw new HandlerError(
        'unavailable',
        spoken('ipc.keychainSessionOnly', { reason: saidOf(error) }),
      );
    }
    throw error;
  }
}
