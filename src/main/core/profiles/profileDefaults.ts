import type { Profile, ProviderType } from '../../../shared/profiles';
import { profileFromEnv } from './envProfile';

/** Each provider type has a default profile named after it; people add more beside them. */
export const defaultProfiles: readonly Profile[] = [
  { id: 'openai', name: 'openai', type: 'openai', headers: [], authMethod: 'apiKey' },
  { id: 'anthropic', name: 'anthropic', type: 'anthropic', headers: [], authMethod: 'apiKey' },
  {
    id: 'azure',
    name: 'azure',
    type: 'azure',
    headers: [],
    authMethod: 'apiKey',
    azure: { apiVersion: '2024-10-21' },
  },
];

const builtInIds = new Set(defaultProfiles.map((p) => p.id));

/** The environment variable a default profile falls back to when no key is stored (as the SDKs do). */
export function envKeyName(profile: Pick<Profile, 'id' | 'type'>): string | null {
  // Only the built-in profiles read the environment: a key must not leak to a custom base URL.
  if (!builtInIds.has(profile.id)) return null;
  const names: Partial<Record<ProviderType, string>> = {
    openai: 'OPENAI_API_KEY',
    anthropic: 'ANTHROPIC_API_KEY',
    azure: 'AZURE_OPENAI_API_KEY',
  };
  return profile.id === profile.type ? (names[profile.type] ?? null) : null;
}

export interface EffectiveEndpoint {
  baseUrl: string;
  defaultModel: string;
}

/**
 * What a profile resolves to when fields are left empty: the provider's usual URL and a model,
 * or for the built-in profiles the environment (OPENAI_BASE_URL, SWITCHBOARD_MODEL, …), which is
 * how the walking skeleton and the e2e harness configure it (envProfile.ts).
 */
export function effectiveEndpoint(profile: Profile, env: NodeJS.ProcessEnv): EffectiveEndpoint {
  const builtIn = builtInIds.has(profile.id) && profile.id === profile.type;
  switch (profile.type) {
    case 'openai': {
      const fromEnv = builtIn ? profileFromEnv(env) : null;
      return {
        baseUrl: profile.baseUrl ?? fromEnv?.baseUrl ?? 'https://api.openai.com/v1',
        defaultModel: profile.defaultModel ?? fromEnv?.defaultModel ?? 'gpt-4o-mini',
      };
    }
    case 'anthropic':
      return {
        baseUrl:
          profile.baseUrl ?? ((builtIn && env.ANTHROPIC_BASE_URL) || 'https://api.anthropic.com'),
        defaultModel: profile.defaultModel ?? 'claude-sonnet-4-5',
      };
    case 'azure':
      return {
        baseUrl:
          profile.azure?.endpoint ??
          profile.baseUrl ??
          ((builtIn && env.AZURE_OPENAI_ENDPOINT) || ''),
        defaultModel:
          profile.azure?.deployment ??
          profile.defaultModel ??
          ((builtIn && env.AZURE_OPENAI_DEPLOYMENT) || ''),
      };
    case 'openai-compatible':
      return { baseUrl: profile.baseUrl ?? '', defaultModel: profile.defaultModel ?? '' };
  }
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
