/**
 * What the interface says about each provider type: its name, which fields a profile of that
 * type asks for, their examples, and the variable its SDK reads the key from. It is data, so the
 * renderer and Copy as cURL never branch on a type. Typed over every ProviderType (a new type
 * does not compile until it has its entry) and checked against main's provider registry by
 * tests/unit/providerKinds.test.ts.
 */
import type { AuthMethod, ProviderType } from './profiles';

/** How a profile of this type names its server in the form. */
export type EndpointFields =
  /** One base URL and a model; empty fields mean the provider's usual ones. */
  | { form: 'baseUrl'; baseUrlExample: string; modelExample: string }
  /** An Azure resource: its endpoint, a deployment and an API version. */
  | {
      form: 'azureDeployment';
      endpointExample: string;
      deploymentExample: string;
      apiVersion: string;
    };

export interface ProviderKind {
  /** The provider as people know it (the type selector, the first-run finds). */
  label: string;
  /** In the profile list, where space is short. */
  shortLabel: string;
  endpoint: EndpointFields;
  /** The ways to sign in the form offers; a single API key needs no choice. */
  authChoices: readonly { value: AuthMethod; label: string }[];
  /** OpenAI's organization and project fields. */
  organizationFields: boolean;
  /** The "API" select: its chats may use Chat Completions or the Responses API (wireApi.ts). */
  wireApiChoice: boolean;
  /** The variable its SDK reads the key from: Copy as cURL names it instead of the key. */
  keyVariable: string;
  /** A "Prompt caching" switch in the form (Anthropic's cache_control breakpoints). */
  promptCachingSwitch?: boolean;
}

const apiKeyOnly = [{ value: 'apiKey', label: 'API key' }] as const;

export const providerKinds: { readonly [T in ProviderType]: ProviderKind } = {
  openai: {
    label: 'OpenAI',
    shortLabel: 'OpenAI',
    endpoint: {
      form: 'baseUrl',
      baseUrlExample: 'https://api.openai.com/v1',
      modelExample: 'gpt-4o-mini',
    },
    authChoices: apiKeyOnly,
    organizationFields: true,
    wireApiChoice: true,
    keyVariable: 'OPENAI_API_KEY',
  },
  anthropic: {
    label: 'Anthropic',
    shortLabel: 'Anthropic',
    endpoint: {
      form: 'baseUrl',
      baseUrlExample: 'https://api.anthropic.com',
      modelExample: 'claude-sonnet-4-5',
    },
    authChoices: apiKeyOnly,
    organizationFields: false,
    wireApiChoice: false,
    keyVariable: 'ANTHROPIC_API_KEY',
    promptCachingSwitch: true,
  },
  azure: {
    label: 'Azure OpenAI',
    shortLabel: 'Azure',
    endpoint: {
      form: 'azureDeployment',
      endpointExample: 'https://YOUR-RESOURCE.openai.azure.com',
      deploymentExample: 'gpt-4o',
      apiVersion: '2024-10-21',
    },
    authChoices: [
      { value: 'apiKey', label: 'API key' },
      { value: 'entraId', label: 'Microsoft Entra ID (Azure CLI login or device code)' },
    ],
    organizationFields: false,
    wireApiChoice: true,
    keyVariable: 'AZURE_OPENAI_API_KEY',
  },
  'openai-compatible': {
    label: 'OpenAI-compatible',
    shortLabel: 'Compatible',
    endpoint: {
      form: 'baseUrl',
      baseUrlExample: 'http://127.0.0.1:11434/v1',
      modelExample: 'e.g. llama3.2',
    },
    authChoices: [
      { value: 'apiKey', label: 'API key' },
      { value: 'none', label: 'No key (local server)' },
    ],
    organizationFields: false,
    wireApiChoice: false,
    keyVariable: 'OPENAI_COMPATIBLE_API_KEY',
  },
  gemini: {
    label: 'Google Gemini',
    shortLabel: 'Gemini',
    endpoint: {
      form: 'baseUrl',
      baseUrlExample: 'https://generativelanguage.googleapis.com',
      modelExample: 'gemini-2.5-flash',
    },
    authChoices: apiKeyOnly,
    organizationFields: false,
    wireApiChoice: false,
    // Google's own examples name GEMINI_API_KEY; the SDK reads GOOGLE_API_KEY first when both are set.
    keyVariable: 'GEMINI_API_KEY',
  },
};

/** The type a new profile starts as: the one that fits most servers (any compatible one). */
export const newProfileType: ProviderType = 'openai-compatible';

/** The API version a form starts with for this type, or '' when it has none. */
export function defaultApiVersion(type: ProviderType): string {
  const { endpoint } = providerKinds[type];
  return endpoint.form === 'azureDeployment' ? endpoint.apiVersion : '';
}
