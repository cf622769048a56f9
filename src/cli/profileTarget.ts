/**
 * For CLI commands that call a provider (`ask --provider openai`): the named profile from the
 * app's preferences, with the environment's key first (OPENAI_API_KEY …) and the keychain's
 * second. With no keychain reachable it still resolves, from the environment or with no key
 * (a local server needs none); the keychain is asked with a short timeout.
 */
import { appConfigDir } from '../main/core/preferences/appConfigDir';
import { openConfPreferences } from '../main/core/preferences/confPreferences';
import { envKeyName } from '../main/core/profiles/profileDefaults';
import { ProfileService } from '../main/core/profiles/ProfileService';
import { resolveProfileTarget, type ResolvedTarget } from '../main/core/profiles/resolveTarget';
import { keychainServiceFrom } from '../main/core/secrets/KeyStore';
import { createKeytarKeyStore } from '../main/core/secrets/keytarKeyStore';
import { SecretVault } from '../main/core/secrets/SecretVault';

export async function resolveCliTarget(
  profileName: string,
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void = () => undefined,
): Promise<ResolvedTarget> {
  const opened = openConfPreferences(appConfigDir(env));
  if (opened.notice) warn(opened.notice);
  const profiles = new ProfileService(opened.store, warn);
  const profile = profiles.find(profileName);
  if (!profile)
    throw new Error(
      `No profile "${profileName}". Profiles: ${profiles
        .list()
        .map((p) => p.name)
        .join(', ')}`,
    );
  const vault = new SecretVault(
    createKeytarKeyStore({ service: keychainServiceFrom(env), timeoutMs: 3000 }),
  );
  const envName = envKeyName(profile);
  const fromEnv = envName ? env[envName] || undefined : undefined;
  return resolveProfileTarget({ profiles, vault, env }, profile, { apiKey: fromEnv });
}
