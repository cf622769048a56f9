/**
 * For CLI commands that call a provider (`ask --provider openai`): the named profile from the
 * app's preferences, with the environment's key first (OPENAI_API_KEY …) and the keychain's
 * second. With no keychain reachable it still resolves, from the environment or with no key
 * (a local server needs none); the keychain is asked with a short timeout.
 */
import { appConfigDir } from '../main/core/preferences/appConfigDir';
import { openConfPreferences } from '../main/core/preferences/confPreferences';
import {
  createProfileResolver,
  ProfileResolveError,
  type ProfileResolver,
} from '../main/core/profiles/ProfileResolver';
import { ProfileService } from '../main/core/profiles/ProfileService';
import { keychainServiceFrom } from '../main/core/secrets/KeyStore';
import { createKeytarKeyStore } from '../main/core/secrets/keytarKeyStore';
import { SecretVault } from '../main/core/secrets/SecretVault';
import { providerFor } from '../main/core/providers/registry';
import type { ProviderTarget } from '../main/core/providers/types';

/** The app's profiles as the CLI resolves them: its preferences file, its keychain, env first. */
export function cliProfileResolver(
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void = () => undefined,
): { resolver: ProfileResolver; profiles: ProfileService } {
  const opened = openConfPreferences(appConfigDir(env));
  // The CLI speaks English: the words' English text, not their code.
  if (opened.notice) warn(opened.notice.message);
  const profiles = new ProfileService(opened.store, (m) =>
    warn(typeof m === 'string' ? m : m.message),
  );
  const vault = new SecretVault(
    createKeytarKeyStore({ service: keychainServiceFrom(env), timeoutMs: 3000 }),
  );
  const resolver = createProfileResolver({ profiles, vault, env }, { environmentKeyFirst: true });
  return { resolver, profiles };
}

/** The named profile's ready target; a profile that does not exist names the ones that do. */
export async function resolveCliTarget(
  profileName: string,
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void = () => undefined,
): Promise<ProviderTarget> {
  const { resolver, profiles } = cliProfileResolver(env, warn);
  try {
    return await resolver.target(profileName);
  } catch (error) {
    if (!(error instanceof ProfileResolveError) || error.reason !== 'not_found') throw error;
    const names = profiles.list().map((p) => p.name);
    throw new Error(`${error.message} Profiles: ${names.join(', ')}`, { cause: error });
  }
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
      bearerToken: stored.bearerToken ?? null,
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
