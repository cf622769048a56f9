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
import { providerFor } from '../main/core/providers/registry';
import type { ProviderTarget } from '../main/core/providers/types';

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

/**
 * `ask --provider openai|anthropic|azure` with no key in the environment: the same-named
 * profile's stored key, but only if that profile points at the same server (a key is sent only
 * to the server it was saved for). Any keychain trouble leaves the target as it was: the
 * environment and keyless servers keep working without a keychain.
 */
export async function withStoredKey(
  target: ProviderTarget,
  env: NodeJS.ProcessEnv,
): Promise<ProviderTarget> {
  if (target.apiKey || target.bearerToken) return target;
  // Only a provider's built-in profile shares its name with the type the flags named.
  if (!providerFor(target.profile.type).profiles.builtIn) return target;
  try {
    const stored = await resolveCliTarget(target.profile.type, env);
    if (!stored.apiKey && !stored.bearerToken) return target;
    if (sameServer(stored.profile.baseUrl, target.profile.baseUrl) === false) return target;
    return {
      ...target,
      apiKey: stored.apiKey,
      bearerToken: stored.bearerToken,
      headers: { ...stored.headers, ...target.headers },
    };
  } catch {
    return target;
  }
}

function sameServer(a: string, b: string): boolean {
  const normal = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();
  return normal(a) === normal(b);
}
