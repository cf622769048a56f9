import { allProviders, providerFor, providers } from '../providers/registry';
import type { ProviderProfile } from '../providers/types';

type Env = NodeJS.ProcessEnv;

/** Every variable a key is read from, so the crash log knows those keys from the start. */
export const envKeyNames: readonly string[] = allProviders().flatMap(
  (p) => p.environment.keyVariables,
);

/**
 * The profile the walking skeleton's chat talks to when no profile is stored at all: OpenAI's
 * built-in profile as the environment sets it (OPENAI_BASE_URL, SWITCHBOARD_MODEL).
 */
export function profileFromEnv(env: Env): ProviderProfile {
  const { environment, profiles } = providers.openai;
  return { ...environment.profile(env, {}), ...profiles.endpoint(profiles.builtIn, env, true) };
}

/** The key for a profile from the environment (never a key meant for another server). */
export function apiKeyFromEnv(profile: ProviderProfile, env: Env): string | null {
  return providerFor(profile.type).environment.apiKey(profile, env);
}
