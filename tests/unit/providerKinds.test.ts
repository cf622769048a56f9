import { describe, expect, it } from 'vitest';
import type { ProviderModule } from '../../src/main/core/providers/ProviderModule';
import { providers } from '../../src/main/core/providers/registry';
import { providerTypes } from '../../src/shared/profiles';
import { keyVariableFor } from '../../src/shared/curl';
import { defaultApiVersion, providerKinds } from '../../src/shared/providerKinds';

// The interface's table of provider types must say what main's registry does.
describe.each(providerTypes)('provider kind %s', (type) => {
  const kind = providerKinds[type];
  const module = providers[type];

  it("is named as its module names it, and refers to its SDK's key variable", () => {
    expect(kind.label).toBe(module.label);
    expect(kind.keyVariable).toBe(module.environment.keyVariable);
    expect(keyVariableFor(type)).toBe(module.environment.keyVariable);
  });

  it('offers "no key" exactly when its servers take calls without one', () => {
    expect(kind.authChoices.some((c) => c.value === 'none')).toBe(module.keyOptional);
    expect(kind.authChoices[0]?.value).toBe('apiKey');
  });

  it('shows, as its examples, the URL and API version its SDK uses when they are left empty', () => {
    const usual: { baseUrl?: string; azure?: { apiVersion?: string } } = module.environment.profile(
      {},
      {},
    );
    if (kind.endpoint.form === 'azureDeployment') {
      expect(defaultApiVersion(type)).toBe(usual.azure?.apiVersion);
    } else {
      expect(defaultApiVersion(type)).toBe('');
      // A compatible server has no usual URL: its example is a local Ollama's.
      if (!module.keyOptional) expect(kind.endpoint.baseUrlExample).toBe(usual.baseUrl);
    }
  });
});

describe.each(providerTypes)('provider kind %s: the "API" select', (type) => {
  it('is offered exactly where its module’s connection test names a wire API', () => {
    const module: ProviderModule = providers[type];
    const profile = {
      ...module.environment.profile({}, {}),
      baseUrl: 'https://example.test/v1',
      defaultModel: 'm',
      headers: [],
      authMethod: 'apiKey' as const,
    };
    const target = { profile, apiKey: 'k', bearerToken: null, headers: {} };
    const first = module.connectionTest.request(target);
    const named =
      ('api' in first && first.api !== undefined) ||
      (module.connectionTest.apiRequest?.(target)?.api ?? null) !== null;
    expect(providerKinds[type].wireApiChoice).toBe(named);
  });
});

describe('Copy as cURL', () => {
  it('reads an unknown type as the OpenAI dialect', () => {
    expect(keyVariableFor('some-future-type')).toBe(providers.openai.environment.keyVariable);
  });
});
