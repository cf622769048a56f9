import { geminiEmbeddings } from './embeddingsWire';
import { attachmentRulesFor } from './attachmentRules';
import {
  createGeminiAdapter,
  DEFAULT_GEMINI_BASE_URL,
  GEMINI_API_VERSION,
  geminiBaseUrl,
} from './geminiClient';
import type { EnvironmentRules, ProbeRequest, ProbeTarget, ProviderModule } from './ProviderModule';
import { spoken } from '../../../shared/said';

const DEFAULT_GEMINI_MODEL = 'gemini-2.5-flash';
/** In the SDK's order: GOOGLE_API_KEY wins when both are set (getApiKeyFromEnv). */
const KEY_VARIABLES = ['GOOGLE_API_KEY', 'GEMINI_API_KEY'] as const;
/** The SDK's own variable for another base URL (GoogleGenAI's constructor reads it). */
const BASE_URL_VARIABLE = 'GOOGLE_GEMINI_BASE_URL';

/** GET /v1beta/models with the key in `x-goog-api-key`: the cheapest call that proves the key. */
function probeRequest(target: ProbeTarget): { request: ProbeRequest } {
  const { profile, apiKey, headers } = target;
  const url = `${geminiBaseUrl(profile.baseUrl)}/${GEMINI_API_VERSION}/models?pageSize=1000`;
  const auth: Record<string, string> = apiKey ? { 'x-goog-api-key': apiKey } : {};
  return { request: { method: 'GET', url, headers: { ...auth, ...headers } } };
}

const environment = {
  keyVariable: 'GEMINI_API_KEY',
  keyVariables: KEY_VARIABLES,
  profile: (env, overrides) => ({
    id: 'gemini',
    name: 'gemini',
    type: 'gemini',
    baseUrl: overrides.baseUrl || env[BASE_URL_VARIABLE] || DEFAULT_GEMINI_BASE_URL,
    defaultModel: overrides.model || env.SWITCHBOARD_MODEL || '',
  }),
  apiKey: (_profile, env) => KEY_VARIABLES.map((name) => env[name]).find((key) => !!key) ?? null,
  missing: () => null,
  find(value) {
    const variables = KEY_VARIABLES.filter((name) => !!value(name));
    if (variables.length === 0) return null;
    return {
      variables,
      apiKey: value(variables[0]!),
      baseUrl: value(BASE_URL_VARIABLE),
    };
  },
  localServers: [],
} satisfies EnvironmentRules;

/**
 * Google Gemini (the Gemini API, not Vertex AI): @google/genai with the engine's fetch, the key
 * in `x-goog-api-key`, `streamGenerateContent?alt=sse`, thoughts as reasoning. Its responses
 * carry no rate-limit headers the SDK or Google's docs name, so there are none to read.
 */
export const geminiProvider = {
  type: 'gemini',
  label: 'Google Gemini',
  keyOptional: false,
  createAdapter: createGeminiAdapter,
  rateLimitFrom: () => null,
  connectionTest: {
    request: probeRequest,
    notFound: () =>
      spoken('probe.geminiNotFound', {
        url: DEFAULT_GEMINI_BASE_URL,
        version: GEMINI_API_VERSION,
      }),
  },
  profiles: {
    builtIn: null,
    endpoint: (profile) => ({
      baseUrl: profile.baseUrl ?? DEFAULT_GEMINI_BASE_URL,
      defaultModel: profile.defaultModel ?? DEFAULT_GEMINI_MODEL,
    }),
    issues: () => [],
  },
  environment,
  attachments: attachmentRulesFor('gemini'),
  embeddings: geminiEmbeddings,
} satisfies ProviderModule;
