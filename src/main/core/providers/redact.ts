/** Headers whose values are credentials: never logged, printed, stored or sent to the renderer. */
const secretHeaderNames = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'cookie',
  'set-cookie',
  'ocp-apim-subscription-key',
  'x-goog-api-key',
]);

/**
 * Also secret: any header whose name says it carries a key, token or secret. Narrow on
 * purpose: `x-ratelimit-remaining-tokens` must stay visible.
 */
const secretNamePattern =
  /(api[-_]?key|secret|password|credential|access[-_]?token|auth[-_]?token|-key$|^key$)/i;

/**
 * Standard headers whose names contain such a word but whose values are never credentials:
 * the CORS policy headers of the Fetch standard (`access-control-allow-credentials: true`
 * says whether cookies may go along, it is not one) and the idempotency key a client makes up.
 */
const policyHeaderPattern = /^(access-control-|idempotency-key$|x-idempotency-key$)/;

export const REDACTED = '[redacted]';

/** Whether a header carries a credential, by its name (known names, the profile's own). */
export function isSecretHeader(name: string, extraSecretNames: Iterable<string> = []): boolean {
  const lower = name.toLowerCase();
  if (secretHeaderNames.has(lower)) return true;
  if (secretNamePattern.test(lower) && !policyHeaderPattern.test(lower)) return true;
  for (const extra of extraSecretNames) if (extra.toLowerCase() === lower) return true;
  return false;
}

/**
 * A copy of the headers safe to show: secret values replaced. `Authorization: Bearer x` keeps
 * its scheme so the inspector still shows which auth method went out.
 */
export function redactHeaders(
  headers: Headers | Record<string, string> | Iterable<[string, string]>,
  extraSecretNames: Iterable<string> = [],
): Record<string, string> {
  const entries =
    headers instanceof Headers
      ? [...headers.entries()]
      : Symbol.iterator in headers
        ? [...(headers as Iterable<[string, string]>)]
        : Object.entries(headers);
  const extras = [...extraSecretNames];
  const out: Record<string, string> = {};
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    if (!isSecretHeader(lower, extras)) {
      // A key pasted into a header no name rule knows is still struck out.
      out[lower] = value.replace(keyLikePattern, REDACTED);
    } else if (lower === 'authorization' && /^\w+ /.test(value)) {
      out[lower] = `${value.split(' ')[0]} ${REDACTED}`;
    } else {
      out[lower] = REDACTED;
    }
  }
  return out;
}

/** Key-like tokens providers echo back in messages ("Incorrect API key provided: sk-…"). */
const keyLikePattern =
  /\b(?:(?:sk|sk-ant|sk-proj|gsk|xai|pplx|csk)-|gsk_)(?:[A-Za-z0-9_*-]|\.(?=[A-Za-z0-9*])){6,}/g;

/** Removes the given secrets and anything shaped like an API key from a text. */
export function redactSecrets(text: string, secrets: Iterable<string | null | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out.replace(keyLikePattern, REDACTED);
}
