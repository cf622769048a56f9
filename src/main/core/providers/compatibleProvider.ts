import { openAIEmbeddings } from './embeddingsWire';
import { attachmentRulesFor } from './attachmentRules';
import {
  createChatCompletionsAdapter,
  modelsListNotFound,
  modelsListProbe,
  openAIClient,
  type ChatCompletionsDialect,
} from './chatCompletions';
import type { ProviderModule } from './ProviderModule';
import { spoken } from '../../../shared/said';
import { rateLimitFrom } from './rateLimit';

export const compatibleDialect: ChatCompletionsDialect = {
  maxTokensField: 'max_tokens',
  retriesWithoutStreamOptions: true,
};

const sameUrl = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/**
 * Any server speaking Chat Completions (Ollama, LM Studio, vLLM, OpenRouter, Groq, DeepSeek):
 * the key is optional, `max_tokens` is what they know, and one that rejects `stream_options`
 * is asked again without it.
 */
export const compatibleProvider = {
  type: 'openai-compatible',
  label: 'OpenAI-compatible',
  keyOptional: true,
  createAdapter: (target, options) =>
    createChatCompletionsAdapter(openAIClient(target, options), target, options, compatibleDialect),
  // A compatible server may be a gateway in front of any provider: both header families.
  rateLimitFrom: (headers, now) => rateLimitFrom(headers, now),
  connectionTest: { request: modelsListProbe, notFound: () => modelsListNotFound },
  profiles: {
    builtIn: null,
    endpoint: (profile) => ({
      baseUrl: profile.baseUrl ?? '',
      defaultModel: profile.defaultModel ?? '',
    }),
    issues: (profile) =>
      profile.baseUrl
        ? []
        : [{ path: 'profile.baseUrl', ...spoken('profileForm.compatibleNeedsUrl') }],
  },
  attachments: attachmentRulesFor('openai-compatible'),
  environment: {
    keyVariable: 'OPENAI_COMPATIBLE_API_KEY',
    keyVariables: ['OPENAI_COMPATIBLE_API_KEY'],
    profile: (env, overrides) => ({
      id: 'openai-compatible',
      name: 'openai-compatible',
      type: 'openai-compatible',
      baseUrl: overrides.baseUrl || env.OPENAI_BASE_URL || 'https://api.openai.com/v1',
      defaultModel: overrides.model || env.SWITCHBOARD_MODEL || '',
    }),
    /**
     * OPENAI_API_KEY only when this is the OPENAI_BASE_URL that key was set beside: an OpenAI key
     * must never go to some other server. OPENAI_COMPATIBLE_API_KEY is its own key otherwise.
     */
    apiKey(profile, env) {
      if (env.OPENAI_COMPATIBLE_API_KEY) return env.OPENAI_COMPATIBLE_API_KEY;
      const paired = !!env.OPENAI_BASE_URL && sameUrl(env.OPENAI_BASE_URL, profile.baseUrl);
      return paired ? env.OPENAI_API_KEY || null : null;
    },
    missing: () => null,
    // Its keys are not announced by a variable of their own: local servers are asked instead.
    find: () => null,
    localServers: [
      { name: 'Ollama', port: 11434 },
      { name: 'LM Studio', port: 1234 },
    ],
  },
  embeddings: openAIEmbeddings,
} satisfies ProviderModule;
