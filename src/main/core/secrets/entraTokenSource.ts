/**
 * Azure OpenAI with Microsoft Entra ID instead of a key: a bearer token from the Azure CLI login,
 * or else a device-code sign-in. Tokens stay in memory and are refreshed before they expire.
 */

/** The one call of @azure/identity's TokenCredential we use (a stand-in in unit tests). */
export interface TokenCredentialLike {
  getToken(
    scopes: string | string[],
  ): Promise<{ token: string; expiresOnTimestamp: number } | null>;
}

export const AZURE_OPENAI_SCOPE = 'https://cognitiveservices.azure.com/.default';
/** Refresh this long before expiry so a long stream never starts with a token about to die. */
const REFRESH_MARGIN_MS = 5 * 60_000;

export interface EntraTokenSource {
  /** A valid bearer token; cached until REFRESH_MARGIN_MS before it expires. */
  token(): Promise<string>;
}

export function createEntraTokenSource(
  credential: () => Promise<TokenCredentialLike>,
  now: () => number = Date.now,
): EntraTokenSource {
  let cached: { token: string; expiresOnTimestamp: number } | null = null;
  let pending: Promise<string> | null = null;
  return {
    token() {
      if (cached && cached.expiresOnTimestamp - now() > REFRESH_MARGIN_MS)
        return Promise.resolve(cached.token);
      // Concurrent callers share one refresh instead of prompting twice.
      pending ??= (async () => {
        try {
          const fresh = await (await credential()).getToken(AZURE_OPENAI_SCOPE);
          if (!fresh) throw new Error('Microsoft Entra ID returned no token.');
          cached = fresh;
          return fresh.token;
        } finally {
          pending = null;
        }
      })();
      return pending;
    },
  };
}

/**
 * The real credential: the Azure CLI login (`az login`) first, then a device-code sign-in whose
 * instructions (a URL and a code, no secret) are shown to the person through `onDeviceCode`.
 * @azure/identity is loaded only when used, so a profile without Entra ID never pays for it.
 */
export async function createAzureCredential(options: {
  tenantId?: string;
  onDeviceCode: (message: string) => void;
}): Promise<TokenCredentialLike> {
  const identity = await import('@azure/identity');
  const tenant = options.tenantId ? { tenantId: options.tenantId } : {};
  return new identity.ChainedTokenCredential(
    new identity.AzureCliCredential(tenant),
    new identity.DeviceCodeCredential({
      ...tenant,
      userPromptCallback: (info) => options.onDeviceCode(info.message),
    }),
  );
}
