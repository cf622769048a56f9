import type { EnvironmentOverrides } from '../providers/ProviderModule';
import { allProviders, providerFor, providers } from '../providers/registry';
import type { ProviderProfile, ProviderType } from '../providers/types';

type Env = NodeJS.ProcessEnv;

export type EnvProfileOverrides = EnvironmentOverrides;

/**
 * A profile read from the environment the way each SDK does (OPENAI_BASE_URL,
 * ANTHROPIC_BASE_URL, AZURE_OPENAI_ENDPOINT, OPENAI_API_VERSION): each provider module says how.
 * The CLI and the walking skeleton use it; stored profiles and the keychain take over in the app.
 */
export function envProfile(
  type: ProviderType,
  env: Env,
  overrides: EnvProfileOverrides = {},
): ProviderProfile {
  return providerFor(type).environment.profile(env, overrides);
}

/** Every variable a key is read from, so the crash log knows those keys from the start. */
export const envKeyNames: readonly string[] = allProviders().map((p) => p.environment.keyVariable);

/** The profile the walking skeleton's chat talks to when no profile is stored at all. */
export function profileFromEnv(env: Env): ProviderProfile {
  const builtIn = providers.openai.profiles.builtIn;
  return {
    ...envProfile(builtIn.type, env),
    ...providers.openai.profiles.endpoint(builtIn, env, true),
  };
}

/** The key for a profile from the environment (never a key meant for another server). */
export function apiKeyFromEnv(profile: ProviderProfile, env: Env): string | null {
  return providerFor(profile.type).environment.apiKey(profile, env);
}
