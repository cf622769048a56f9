import { AzureOpenAI } from 'openai';
import {
  chatCompletionsRateLimits,
  createChatCompletionsAdapter,
  sdkClientOptions,
  withProfileHeaders,
  type ChatCompletionsDialect,
} from './chatCompletions';
import type { AdapterOptions, ProbeRequest, ProbeTarget, ProviderModule } from './ProviderModule';
import type { ProviderTarget } from './types';

export const DEFAULT_AZURE_API_VERSION = '2024-10-21';

const azureDialect: ChatCompletionsDialect = {
  maxTokensField: 'max_completion_tokens',
  retriesWithoutStreamOptions: false,
};

function azureClient(target: ProviderTarget, options: AdapterOptions): AzureOpenAI {
  const { profile, apiKey } = target;
  const bearer = target.bearerToken ?? null;
  // Entra ID: the SDK sends the token as `Authorization: Bearer`; a key goes in `api-key`.
  const auth =
    bearer && !apiKey
      ? { azureADTokenProvider: () => Promise.resolve(bearer) }
      : { apiKey: apiKey ?? 'unused' };
  return new AzureOpenAI({
    ...sdkClientOptions(target, options),
    ...auth,
    endpoint: profile.azure?.endpoint || profile.baseUrl,
    // Explicit, so OPENAI_BASE_URL in the environment cannot redirect an Azure profile.
    baseURL: null,
    apiVersion: profile.azure?.apiVersion || DEFAULT_AZURE_API_VERSION,
    ...(profile.azure?.deployment ? { deployment: profile.azure.deployment } : {}),
    defaultHeaders: withProfileHeaders(target, !apiKey && !bearer ? { 'api-key': null } : {}),
  });
}

/** Azure has no per-deployment models list: a 1-token completion proves the deployment. */
function probeRequest(target: ProbeTarget): { request: ProbeRequest } | { problem: string } {
  const { profile, apiKey, bearerToken, headers } = target;
  const base = profile.baseUrl.replace(/\/+$/, '');
  if (!base)
    return { problem: 'Set the Azure Endpoint first (https://YOUR-RESOURCE.openai.azure.com).' };
  if (!profile.defaultModel) return { problem: 'Set the Deployment name first.' };
  const auth: Record<string, string> = {};
  if (bearerToken) auth.Authorization = `Bearer ${bearerToken}`;
  else if (apiKey) auth['api-key'] = apiKey;
  const version = encodeURIComponent(profile.azure?.apiVersion ?? DEFAULT_AZURE_API_VERSION);
  const url = `${base}/openai/deployments/${encodeURIComponent(profile.defaultModel)}/chat/completions?api-version=${version}`;
  const body = JSON.stringify({ messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 });
  return {
    request: {
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', ...auth, ...headers },
      body,
    },
  };
}

/** Azure OpenAI: Chat Completions on a resource endpoint and a deployment, `api-key` or Entra ID. */
export const azureProvider = {
  type: 'azure',
  label: 'Azure OpenAI',
  keyOptional: false,
  createAdapter: (target, options) =>
    createChatCompletionsAdapter(azureClient(target, options), target, options, azureDialect),
  rateLimitFrom: chatCompletionsRateLimits,
  connectionTest: {
    request: probeRequest,
    notFound: (profile) =>
      `The deployment "${profile.defaultModel}" was not found (HTTP 404). Check the Deployment name and the Endpoint.`,
  },
  profiles: {
    builtIn: {
      id: 'azure',
      name: 'azure',
      type: 'azure',
      headers: [],
      authMethod: 'apiKey',
      azure: { apiVersion: DEFAULT_AZURE_API_VERSION },
    },
    endpoint: (profile, env, builtIn) => ({
      baseUrl:
        profile.azure?.endpoint ??
        profile.baseUrl ??
        ((builtIn && env.AZURE_OPENAI_ENDPOINT) || ''),
      defaultModel:
        profile.azure?.deployment ??
        profile.defaultModel ??
        ((builtIn && env.AZURE_OPENAI_DEPLOYMENT) || ''),
    }),
    issues: () => [],
  },
  environment: {
    keyVariable: 'AZURE_OPENAI_API_KEY',
    keyVariables: ['AZURE_OPENAI_API_KEY'],
    profile: (env, overrides) => ({
      id: 'azure',
      name: 'azure',
      type: 'azure',
      baseUrl: (overrides.endpoint ?? overrides.baseUrl) || env.AZURE_OPENAI_ENDPOINT || '',
      defaultModel: overrides.model || env.SWITCHBOARD_MODEL || '',
      azure: {
        apiVersion: overrides.apiVersion || env.OPENAI_API_VERSION || DEFAULT_AZURE_API_VERSION,
      },
    }),
    apiKey: (_profile, env) => env.AZURE_OPENAI_API_KEY || null,
    missing: (profile) =>
      profile.baseUrl ? null : 'azure needs --endpoint URL or AZURE_OPENAI_ENDPOINT',
    find(value) {
      const apiKey = value('AZURE_OPENAI_API_KEY');
      const endpoint = value('AZURE_OPENAI_ENDPOINT');
      if (!apiKey && !endpoint) return null;
      const deployment = value('AZURE_OPENAI_DEPLOYMENT');
      const apiVersion = value('OPENAI_API_VERSION');
      return {
        variables: ['AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_ENDPOINT'].filter((n) => value(n)),
        apiKey,
        baseUrl: endpoint,
        azure: {
          ...(endpoint ? { endpoint } : {}),
          ...(deployment ? { deployment } : {}),
          ...(apiVersion ? { apiVersion } : {}),
        },
      };
    },
    localServers: [],
  },
} satisfies ProviderModule;
