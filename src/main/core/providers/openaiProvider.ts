import { openAIEmbeddings } from './embeddingsWire';
import { attachmentRulesFor } from './attachmentRules';
import {
  chatCompletionsRateLimits,
  createChatCompletionsAdapter,
  modelsListNotFound,
  modelsListProbe,
  openAIClient,
  openAIWireApiProbe,
  type ChatCompletionsDialect,
} from './chatCompletions';
import { wireApiFor } from '../../../shared/wireApi';
import type { EnvironmentRules, ProviderModule } from './ProviderModule';
import { createResponsesAdapter } from './responsesApi';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';
const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';

export const openAIDialect: ChatCompletionsDialect = {
  maxTokensField: 'max_completion_tokens',
  retriesWithoutStreamOptions: false,
};

const environment = {
  keyVariable: 'OPENAI_API_KEY',
  keyVariables: ['OPENAI_API_KEY'],
  profile: (env, overrides) => ({
    id: 'openai',
    name: 'openai',
    type: 'openai',
    baseUrl: overrides.baseUrl || env.OPENAI_BASE_URL || OPENAI_BASE_URL,
    defaultModel: overrides.model || env.SWITCHBOARD_MODEL || '',
  }),
  apiKey: (_profile, env) => env.OPENAI_API_KEY || null,
  missing: () => null,
  find(value) {
    const apiKey = value('OPENAI_API_KEY');
    if (!apiKey) return null;
    return { variables: ['OPENAI_API_KEY'], apiKey, baseUrl: value('OPENAI_BASE_URL') };
  },
  localServers: [],
} satisfies EnvironmentRules;

/** OpenAI's own API: the Responses API or Chat Completions (per profile), a bearer key, `x-ratelimit-*` headers. */
export const openAIProvider = {
  type: 'openai',
  label: 'OpenAI',
  keyOptional: false,
  createAdapter(target, options) {
    const client = openAIClient(target, options);
    return wireApiFor(target.profile) === 'responses'
      ? createResponsesAdapter(client, target, options)
      : createChatCompletionsAdapter(client, target, options, openAIDialect);
  },
  rateLimitFrom: chatCompletionsRateLimits,
  connectionTest: {
    request: modelsListProbe,
    notFound: () => modelsListNotFound,
    apiRequest: openAIWireApiProbe,
  },
  profiles: {
    builtIn: { id: 'openai', name: 'openai', type: 'openai', headers: [], authMethod: 'apiKey' },
    endpoint(profile, env, builtIn) {
      // The built-in profile is configured by the environment, as the SDK is (and the harness).
      const fromEnv = builtIn ? environment.profile(env, {}) : null;
      return {
        baseUrl: profile.baseUrl ?? fromEnv?.baseUrl ?? OPENAI_BASE_URL,
        defaultModel:
          profile.defaultModel ?? (fromEnv?.defaultModel || undefined) ?? DEFAULT_OPENAI_MODEL,
      };
    },
    issues: () => [],
  },
  environment,
  attachments: attachmentRulesFor('openai'),
  embeddings: openAIEmbeddings,
} satisfies ProviderModule;
