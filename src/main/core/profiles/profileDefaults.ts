import type { Profile } from '../../../shared/profiles';
import type { EffectiveEndpoint } from '../providers/ProviderModule';
import { allProviders, providerFor } from '../providers/registry';

export type { EffectiveEndpoint };

/** Each provider type may have a default profile named after it; people add more beside them. */
export const defaultProfiles: readonly Profile[] = allProviders().flatMap((provider) =>
  provider.profiles.builtIn ? [provider.profiles.builtIn] : [],
);

const builtInIds = new Set(defaultProfiles.map((p) => p.id));

/** Whether this is a provider's own built-in profile, which the environment configures. */
function isBuiltIn(profile: Pick<Profile, 'id' | 'type'>): boolean {
  return builtInIds.has(profile.id) && profile.id === profile.type;
}

/** A key the environment holds for a profile, and the variable it came from. */
export interface EnvironmentKey {
  name: string;
  key: string;
}

/**
 * The key a built-in profile falls back to when none is stored, as its SDK reads it: the first of
 * its variables that is set (Gemini: GOOGLE_API_KEY, then GEMINI_API_KEY).
 */
export function envKeyFor(
  profile: Pick<Profile, 'id' | 'type'>,
  env: NodeJS.ProcessEnv,
): EnvironmentKey | null {
  // Only the built-in profiles read the environment: a key must not leak to a custom base URL.
  if (!isBuiltIn(profile)) return null;
  for (const name of providerFor(profile.type).environment.keyVariables) {
    const key = env[name];
    if (key) return { name, key };
  }
  return null;
}

/**
 * What a profile resolves to when fields are left empty: the provider's usual URL and a model,
 * or for the built-in profiles the environment (OPENAI_BASE_URL, SWITCHBOARD_MODEL, …), which is
 * how the walking skeleton and the e2e harness configure it (envProfile.ts).
 */
export function effectiveEndpoint(profile: Profile, env: NodeJS.ProcessEnv): EffectiveEndpoint {
  return providerFor(profile.type).profiles.endpoint(profile, env, isBuiltIn(profile));
}

/**
 * Whether the environment (OPENAI_BASE_URL, ANTHROPIC_BASE_URL, AZURE_OPENAI_ENDPOINT) decides
 * where a built-in profile's requests go. A stored key was saved for the profile's own URL (or
 * the provider's usual one), so it is not sent there: only the environment's own key is.
 */
export function endpointFromEnvironment(profile: Profile, env: NodeJS.ProcessEnv): boolean {
  const normal = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();
  return (
    normal(effectiveEndpoint(profile, env).baseUrl) !==
    normal(effectiveEndpoint(profile, {}).baseUrl)
  );
}

/** A profile id from its name: lower-case, safe in a keychain account and a file, unique. */
export function idFromName(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[-._]+|-+$/g, '')
      .slice(0, 56) || 'profile';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
