import type { Profile } from '../../../shared/profiles';
import type { EntraTokenSource } from '../secrets/entraTokenSource';
import type { KnownSecrets } from '../secrets/KnownSecrets';
import { headerAccount, keyAccount, type SecretVault } from '../secrets/SecretVault';
import { effectiveEndpoint, endpointFromEnvironment, envKeyFor } from './profileDefaults';
import type { ProfileService } from './ProfileService';

/** A profile with its empty fields filled (provider defaults, or the environment for built-in ones). */
export type EffectiveProfile = Profile & { baseUrl: string; defaultModel: string };

/**
 * Everything an adapter needs to call a provider. Held in main only; never sent to the renderer.
 * When the profile names a custom auth header, the key is already in `headers` under that name and
 * `apiKey` is null, so the adapter sends no usual auth header.
 */
export interface ResolvedTarget {
  profile: EffectiveProfile;
  apiKey: string | null;
  /** Microsoft Entra ID access token (Azure, authMethod entraId), sent as `Authorization: Bearer`. */
  bearerToken: string | null;
  /** Extra headers with secret values filled in from the keychain. */
  headers: Record<string, string>;
}

export interface ResolveTargetDeps {
  profiles: ProfileService;
  vault: SecretVault;
  env: NodeJS.ProcessEnv;
  entra?: (profile: Profile) => EntraTokenSource;
  /** Told of every secret a call will carry (typed, stored, from the environment, a token). */
  known?: KnownSecrets;
}

/** Overrides for a draft being tested before it is saved: a typed key and secret header values. */
export interface TargetOverrides {
  apiKey?: string | undefined;
  headerSecrets?: Record<string, string | null> | undefined;
  /** False for a draft pointing somewhere else than its saved profile: stored secrets stay home. */
  storedSecrets?: boolean;
}

export async function resolveProfileTarget(
  deps: ResolveTargetDeps,
  profile: Profile,
  overrides: TargetOverrides = {},
): Promise<ResolvedTarget> {
  const effective: EffectiveProfile = { ...profile, ...effectiveEndpoint(profile, deps.env) };
  // Stored secrets stay with the server they were saved for: not a draft's other URL, nor a
  // URL the environment substitutes (which gets the environment's key only).
  const allowStored = overrides.storedSecrets ?? true;
  const useStored = allowStored && !endpointFromEnvironment(profile, deps.env);
  const typedKey = overrides.apiKey || null;
  const apiKey =
    profile.authMethod !== 'apiKey'
      ? null
      : (typedKey ?? (allowStored ? await resolveKey(deps, profile, useStored) : null));
  const headers: Record<string, string> = {};
  for (const header of profile.headers) {
    if (!header.secret) {
      if (header.value !== undefined) headers[header.name] = header.value;
      continue;
    }
    const override = findHeader(overrides.headerSecrets, header.name);
    const value =
      override !== undefined
        ? override
        : useStored
          ? (await deps.vault.get(headerAccount(profile.id, header.name)))?.secret
          : undefined;
    if (value) headers[header.name] = value;
  }
  if (profile.authHeader && apiKey) headers[profile.authHeader] = apiKey;
  const bearerToken =
    profile.authMethod === 'entraId' && deps.entra ? await deps.entra(profile).token() : null;
  deps.known?.add(apiKey);
  deps.known?.add(bearerToken);
  for (const header of profile.headers) if (header.secret) deps.known?.add(headers[header.name]);
  return { profile: effective, apiKey: profile.authHeader ? null : apiKey, bearerToken, headers };
}

/** Stored key first (keychain or session), then the environment for the built-in profiles. */
async function resolveKey(
  deps: ResolveTargetDeps,
  profile: Profile,
  useStored: boolean,
): Promise<string | null> {
  const stored = useStored ? await deps.vault.get(keyAccount(profile.id)) : null;
  if (stored) return stored.secret;
  return envKeyFor(profile, deps.env)?.key ?? null;
}

function findHeader(
  values: Record<string, string | null> | undefined,
  name: string,
): string | null | undefined {
  if (!values) return undefined;
  const entry = Object.entries(values).find(([key]) => key.toLowerCase() === name.toLowerCase());
  return entry ? entry[1] : undefined;
}

/**
 * Where a profile's requests go (scheme, host and port). A stored key is only ever sent to the
 * destination it was saved for: a changed URL needs the key typed again.
 */
export function destinationOf(profile: Profile, env: NodeJS.ProcessEnv): string {
  try {
    return new URL(effectiveEndpoint(profile, env).baseUrl).origin;
  } catch {
    return '';
  }
}
