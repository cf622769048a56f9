import { DEFAULT_ANTHROPIC_BASE_URL } from '../providers/anthropicMessages';
import { DEFAULT_AZURE_API_VERSION } from '../providers/openaiChat';
import type { ProviderProfile, ProviderType } from '../providers/types';

type Env = NodeJS.ProcessEnv;

export interface EnvProfileOverrides {
  baseUrl?: string | undefined;
  model?: string | undefined;
  apiVersion?: string | undefined;
}

/**
 * A profile read from the environment the way each SDK does (OPENAI_BASE_URL,
 * ANTHROPIC_BASE_URL, AZURE_OPENAI_ENDPOINT, OPENAI_API_VERSION). The CLI and the walking
 * skeleton use it; stored profiles and the keychain (issue 4) take over in the app.
 */
export function envProfile(
  type: ProviderType,
  env: Env,
  overrides: EnvProfileOverrides = {},
): ProviderProfile {
  const model = overrides.model || env.SWITCHBOARD_MODEL || '';
  switch (type) {
    case 'anthropic':
      return {
        id: 'anthropic',
        name: 'anthropic',
        type,
        baseUrl: overrides.baseUrl || env.ANTHROPIC_BASE_URL || DEFAULT_ANTHROPIC_BASE_URL,
        defaultModel: model,
      };
    case 'azure':
      return {
        id: 'azure',
        name: 'azure',
        type,
        baseUrl: overrides.baseUrl || env.AZURE_OPENAI_ENDPOINT || '',
        defaultModel: model,
        azure: {
          apiVersion: overrides.apiVersion || env.OPENAI_API_VERSION || DEFAULT_AZURE_API_VERSION,
        },
      };
    case 'openai':
    case 'openai-compatible':
      return {
        id: type,
        name: type,
        type,
        baseUrl: overrides.baseUrl || env.OPENAI_BASE_URL || 'https://api.openai.com/v1',
        defaultModel: model,
      };
  }
}

/** Every variable a key is read from, so the crash log knows those keys from the start. */
export const envKeyNames = [
  'OPENAI_API_KEY',
  'ANTHROPIC_API_KEY',
  'AZURE_OPENAI_API_KEY',
  'OPENAI_COMPATIBLE_API_KEY',
] as const;

/** The profile the walking skeleton's chat talks to. */
export function profileFromEnv(env: Env): ProviderProfile {
  const profile = envProfile('openai', env);
  return { ...profile, defaultModel: profile.defaultModel || 'gpt-4o-mini' };
}

/**
 * The key for a profile from the environment. An OpenAI-compatible server gets OPENAI_API_KEY
 * only when it is the OPENAI_BASE_URL that key was set beside: an OpenAI key must never go to
 * some other server. OPENAI_COMPATIBLE_API_KEY is its own key otherwise.
 */
export function apiKeyFromEnv(profile: ProviderProfile, env: Env): string | null {
  switch (profile.type) {
    case 'openai':
      return env.OPENAI_API_KEY || null;
    case 'anthropic':
      return env.ANTHROPIC_API_KEY || null;
    case 'azure':
      return env.AZURE_OPENAI_API_KEY || null;
    case 'openai-compatible': {
      if (env.OPENAI_COMPATIBLE_API_KEY) return env.OPENAI_COMPATIBLE_API_KEY;
      const paired = !!env.OPENAI_BASE_URL && sameUrl(env.OPENAI_BASE_URL, profile.baseUrl);
      return paired ? env.OPENAI_API_KEY || null : null;
    }
  }
}

function sameUrl(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}
