import type { ProviderProfile } from '../providers/types';

/**
 * The profile the walking skeleton talks to, read from the environment the way the OpenAI SDK
 * does. Stored profiles and the keychain (issue 4) take over from this.
 */
export function profileFromEnv(env: NodeJS.ProcessEnv): ProviderProfile {
  return {
    id: 'openai',
    name: 'openai',
    type: 'openai',
    baseUrl: env.OPENAI_BASE_URL || 'https://api.openai.com/v1',
    defaultModel: env.SWITCHBOARD_MODEL || 'gpt-4o-mini',
  };
}
