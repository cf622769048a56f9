import { attachmentRulesFor } from './attachmentRules';
import OpenAI, { AzureOpenAI } from 'openai';
import { wireApiFor } from '../../../shared/wireApi';
import {
  chatCompletionsRateLimits,
  createChatCompletionsAdapter,
  sdkClientOptions,
  withProfileHeaders,
  type ChatCompletionsDialect,
} from './chatCompletions';
import type { AdapterOptions, ProbeCall, ProbeTarget, ProviderModule } from './ProviderModule';
import { createResponsesAdapter } from './responsesApi';
import { responsesProbeBody } from './responsesProbe';
import type { ProviderTarget } from './types';
import { spoken, type Spoken } from '../../../shared/said';

export const DEFAULT_AZURE_API_VERSION = '2024-10-21';

export const azureDialect: ChatCompletionsDialect = {
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

/** The resource's endpoint, bare: people paste the v1 base URL (…/openai/v1) from Azure's docs. */
function resourceOf(profile: ProviderTarget['profile']): string {
  return (profile.azure?.endpoint || profile.baseUrl)
    .replace(/\/+$/, '')
    .replace(/\/openai(\/v1)?$/i, '');
}

/**
 * Azure's v1 API (`{endpoint}/openai/v1/…`), where its Responses API lives: no dated
 * `api-version` (Microsoft's "API version lifecycle" page), so the OpenAI client with Azure's
 * auth, since the AzureOpenAI client always adds one. A key goes in `api-key`, an Entra ID token
 * as `Authorization: Bearer`, as on the deployment path.
 */
function azureV1Client(target: ProviderTarget, options: AdapterOptions): OpenAI {
  const { apiKey } = target;
  const bearer = target.bearerToken ?? null;
  const auth: Record<string, string | null> =
    bearer && !apiKey ? {} : { Authorization: null, ...(apiKey ? { 'api-key': apiKey } : {}) };
  return new OpenAI({
    ...sdkClientOptions(target, options),
    apiKey: bearer && !apiKey ? bearer : 'unused',
    baseURL: `${resourceOf(target.profile)}/openai/v1`,
    defaultHeaders: withProfileHeaders(target, auth),
  });
}

/**
 * Azure has no per-deployment models list: a minimal call proves the deployment, on the wire API
 * the profile's chats use (the deployment path, or the v1 Responses path with it as the model).
 */
function probeRequest(target: ProbeTarget): ProbeCall | { problem: Spoken } {
  const { profile, apiKey, bearerToken, headers } = target;
  const base = profile.baseUrl.replace(/\/+$/, '');
  if (!base) return { problem: spoken('probe.azureNoEndpoint') };
  if (!profile.defaultModel) return { problem: spoken('probe.azureNoDeployment') };
  const auth: Record<string, string> = {};
  if (bearerToken) auth.Authorization = `Bearer ${bearerToken}`;
  else if (apiKey) auth['api-key'] = apiKey;
  const api = wireApiFor(profile);
  const version = encodeURIComponent(profile.azure?.apiVersion ?? DEFAULT_AZURE_API_VERSION);
  const deployment = encodeURIComponent(profile.defaultModel);
  const url =
    api === 'responses'
      ? `${resourceOf(profile)}/openai/v1/responses`
      : `${base}/openai/deployments/${deployment}/chat/completions?api-version=${version}`;
  const body =
    api === 'responses'
      ? responsesProbeBody(profile.defaultModel)
      : { messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 };
  return {
    api,
    request: {
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', ...auth, ...headers },
      body: JSON.stringify(body),
    },
  };
}

/** Azure OpenAI: Chat Completions on a resource endpoint and a deployment (or the Responses API
 * on its v1 path, per profile), `api-key` or Entra ID. */
export const azureProvider = {
  type: 'azure',
  label: 'Azure OpenAI',
  keyOptional: false,
  createAdapter: (target, options) =>
    wireApiFor(target.profile) === 'responses'
      ? createResponsesAdapter(azureV1Client(target, options), target, options, {
          deployment: target.profile.azure?.deployment,
        })
      : createChatCompletionsAdapter(azureClient(target, options), target, options, azureDialect),
  rateLimitFrom: chatCompletionsRateLimits,
  connectionTest: {
    request: probeRequest,
    notFound: (profile) =>
      spoken('probe.azureDeploymentNotFound', { deployment: profile.defaultModel }),
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
  attachments: attachmentRulesFor('azure'),
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
  // Azure's embeddings go to a deployment's own route; not offered yet.
  embeddings: null,
} satisfies ProviderModule;
