/**
 * Azure OpenAI with Microsoft Entra ID instead of a key: a bearer token from the Azure CLI login,
 * or else a device-code sign-in. Tokens stay in memory and are refreshed before they expire.
 */

import type { DeviceCodeInfo } from '@azure/identity';
import { clockTime, SaidError, spoken, type Spoken } from '../../../shared/said';

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
          if (!fresh) throw new SaidError(spoken('entra.noToken'));
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

/** A device-code sign-in's instructions in our words, and the code the person may copy. */
export type DeviceCodePrompt = Spoken & { copy: string };

/**
 * Our own sentence from the SDK's parts, not its English `message`: the address, the code and,
 * when MSAL says it, until when the code works. @azure/identity hands its userPromptCallback
 * MSAL's DeviceCodeResponse as it is (msalClient.js getTokenByDeviceCode passes the callback as
 * MSAL's deviceCodeCallback), whose `expiresIn` (seconds, msal-common DeviceCodeResponse.ts) its
 * own DeviceCodeInfo type leaves out: read only when it is a number.
 */
export function deviceCodePrompt(
  info: DeviceCodeInfo & { expiresIn?: unknown },
  now: number,
): DeviceCodePrompt {
  const params = { url: info.verificationUri, code: info.userCode };
  const words =
    typeof info.expiresIn === 'number' && info.expiresIn > 0
      ? spoken('entra.deviceCodeUntil', {
          ...params,
          until: clockTime(now + info.expiresIn * 1000),
        })
      : spoken('entra.deviceCode', params);
  return { ...words, copy: info.userCode };
}

/**
 * The real credential: the Azure CLI login (`az login`) first, then a device-code sign-in whose
 * instructions (a URL and a code, no secret) are shown to the person through `onDeviceCode`.
 * @azure/identity is loaded only when used, so a profile without Entra ID never pays for it.
 */
export async function createAzureCredential(options: {
  tenantId?: string;
  onDeviceCode: (prompt: DeviceCodePrompt) => void;
}): Promise<TokenCredentialLike> {
  const identity = await import('@azure/identity');
  const tenant = options.tenantId ? { tenantId: options.tenantId } : {};
  return new identity.ChainedTokenCredential(
    new identity.AzureCliCredential(tenant),
    new identity.DeviceCodeCredential({
      ...tenant,
      userPromptCallback: (info) => options.onDeviceCode(deviceCodePrompt(info, Date.now())),
    }),
  );
}
