import { providerFor } from '../providers/registry';
import type { ProviderProfile, ProviderTarget } from '../providers/types';
import { apiKeyFromEnv, profileFromEnv } from './envProfile';
import { effectiveEndpoint, envKeyFor } from './profileDefaults';
import { SaidError, spoken, type Spoken } from '../../../shared/said';
import { resolveProfileTarget, type ResolvedTarget, type ResolveTargetDeps } from './resolveTarget';

/** Why a profile id gave no target. */
export type ProfileResolveFailure = 'not_found' | 'no_key';

/** A profile that cannot be called, said in words a person can act on. Nothing was sent. */
/** Its message is one of ours, with a code: a compare column shows it in the person's language. */
export class ProfileResolveError extends SaidError {
  override name = 'ProfileResolveError';
  constructor(
    readonly reason: ProfileResolveFailure,
    message: Spoken,
    readonly profileId: string | null,
  ) {
    super(message);
  }
}

/**
 * The one place that turns a profile id into what a call needs. Chat, titles, compare and the
 * CLI ask it; none of them resolves keys, endpoints or the default on its own.
 */
export interface ProfileResolver {
  /** The profile `id` names, its empty fields filled (provider defaults, environment); or null. */
  profile(id: string): ProviderProfile | null;
  /** Where calls go when no profile is named: the default one, else the environment's. */
  defaultProfile(): ProviderProfile;
  /**
   * A ready target for `id` (none: the default profile): URL, key or token, headers, timeouts.
   * Rejects with ProfileResolveError when the profile is gone or lacks the key it needs.
   */
  target(id?: string | null): Promise<ProviderTarget>;
}

/** Whether a resolved stored profile carries the key its provider needs. */
function carriesKey(resolved: ResolvedTarget): boolean {
  const { profile } = resolved;
  if (profile.authMethod !== 'apiKey' || providerFor(profile.type).keyOptional) return true;
  // A custom auth header holds the key in the headers (and apiKey is null then).
  return !!resolved.apiKey || !!(profile.authHeader && resolved.headers[profile.authHeader]);
}

export interface ProfileResolverOptions {
  /** The CLI's order: a built-in profile's environment key before the keychain's. */
  environmentKeyFirst?: boolean;
}

/** The resolver over stored profiles, the keychain and the environment (the app, the harness, the CLI). */
export function createProfileResolver(
  deps: ResolveTargetDeps,
  options: ProfileResolverOptions = {},
): ProfileResolver {
  const { profiles, env } = deps;
  const stored = (id: string): ProviderProfile | null => {
    const profile = profiles.find(id);
    return profile ? { ...profile, ...effectiveEndpoint(profile, env) } : null;
  };
  const defaultProfile = (): ProviderProfile => {
    const id = profiles.defaultId();
    // No profile at all (every one deleted): the environment, as in the walking skeleton.
    return (id ? stored(id) : null) ?? profileFromEnv(env);
  };
  return {
    profile: (id) => stored(id) ?? (defaultProfile().id === id ? defaultProfile() : null),
    defaultProfile,
    async target(id) {
      const chosen = id ?? profiles.defaultId();
      const profile = chosen ? profiles.find(chosen) : undefined;
      if (profile) {
        const fromEnv = options.environmentKeyFirst ? envKeyFor(profile, env)?.key : undefined;
        const resolved = await resolveProfileTarget(deps, profile, { apiKey: fromEnv });
        if (carriesKey(resolved)) return resolved;
        throw new ProfileResolveError(
          'no_key',
          spoken('ipc.noKey', { name: profile.name }),
          profile.id,
        );
      }
      const fallback = defaultProfile();
      if (!id || id === fallback.id)
        return { profile: fallback, apiKey: apiKeyFromEnv(fallback, env) };
      throw new ProfileResolveError('not_found', spoken('ipc.noProfile', { id }), id);
    },
  };
}
