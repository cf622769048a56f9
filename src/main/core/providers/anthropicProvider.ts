import { attachmentRulesFor } from './attachmentRules';
import { createAnthropicMessagesAdapter, DEFAULT_ANTHROPIC_BASE_URL } from './anthropicMessages';
import type { ProbeRequest, ProbeTarget, ProviderModule } from './ProviderModule';
import { anthropicRateLimitHeaders, rateLimitFrom } from './rateLimit';
import { spoken } from '../../../shared/said';

const DEFAULT_ANTHROPIC_MODEL = 'claude-sonnet-4-5';
/** The Messages API version the connection test asks for (the SDK sends its own). */
const ANTHROPIC_VERSION = '2023-06-01';

/** GET /v1/models with the key in `x-api-key`: the cheapest call that proves the key. */
function probeRequest(target: ProbeTarget): { request: ProbeRequest } {
  const { profile, apiKey, headers } = target;
  const base = profile.baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
  const auth: Record<string, string> = {};
  if (apiKey) auth['x-api-key'] = apiKey;
  auth['anthropic-version'] = ANTHROPIC_VERSION;
  return { request: { method: 'GET', url: `${base}/v1/models`, headers: { ...auth, ...headers } } };
}

/** Anthropic Messages: `x-api-key`, a top-level system prompt, `anthropic-ratelimit-*` headers. */
export const anthropicProvider = {
  type: 'anthropic',
  label: 'Anthropic',
  keyOptional: false,
  createAdapter: createAnthropicMessagesAdapter,
  rateLimitFrom: (headers, now) => rateLimitFrom(headers, now, [anthropicRateLimitHeaders]),
  connectionTest: {
    request: probeRequest,
    notFound: () => spoken('probe.modelsListNotFound'),
  },
  profiles: {
    builtIn: {
      id: 'anthropic',
      name: 'anthropic',
      type: 'anthropic',
      headers: [],
      authMethod: 'apiKey',
    },
    endpoint: (profile, env, builtIn) => ({
      baseUrl:
        profile.baseUrl ?? ((builtIn && env.ANTHROPIC_BASE_URL) || DEFAULT_ANTHROPIC_BASE_URL),
      defaultModel: profile.defaultModel ?? DEFAULT_ANTHROPIC_MODEL,
    }),
    issues: () => [],
  },
  attachments: attachmentRulesFor('anthropic'),
  environment: {
    keyVariable: 'ANTHROPIC_API_KEY',
    keyVariables: ['ANTHROPIC_API_KEY'],
    profile: (env, overrides) => ({
      id: 'anthropic',
      name: 'anthropic',
      type: 'anthropic',
      baseUrl: overrides.baseUrl || env.ANTHROPIC_BASE_URL || DEFAULT_ANTHROPIC_BASE_URL,
      defaultModel: overrides.model || env.SWITCHBOARD_MODEL || '',
    }),
    apiKey: (_profile, env) => env.ANTHROPIC_API_KEY || null,
    missing: () => null,
    find(value) {
      const apiKey = value('ANTHROPIC_API_KEY');
      if (!apiKey) return null;
      return { variables: ['ANTHROPIC_API_KEY'], apiKey, baseUrl: value('ANTHROPIC_BASE_URL') };
    },
    localServers: [],
  },
  // Anthropic offers no embeddings API.
  embeddings: null,
} satisfies ProviderModule;
