import { inspect } from 'node:util';
import { REDACTED, redactSecrets } from '../providers/redact';

/**
 * Credentials that a printed object or error can carry without being shaped like a known key:
 * a labelled header or field (`authorization: 'Bearer …'`, `"x-api-key":"…"`, `api_key=…`) and
 * bearer tokens such as Entra ID JWTs.
 */
const labelledCredential =
  /((?:proxy-)?authorization|x-api-key|api[-_]?key|access[-_]?token|refresh[-_]?token|client[-_]?secret|password)(["']?\s*[:=]\s*["']?)(?:(Bearer|Basic)\s+)?(?!(?:Bearer|Basic)\b)[^\s"',;}[\]]{6,}/gi;
const bearerToken = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g;
const jwtLike = /\beyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}/g;

/**
 * One log argument as text: errors with their stack, `cause` chain and own fields (an SDK's
 * status, headers and error body), objects to a bounded depth. Never throws: a value that cannot
 * be printed (a hostile proxy) is named, not shown.
 */
export function logItemText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return inspect(value, {
      depth: 6,
      breakLength: 160,
      maxStringLength: 20_000,
      maxArrayLength: 50,
    });
  } catch {
    return '[a value that could not be printed]';
  }
}

/** Strikes out the known secrets, anything shaped like an API key, and labelled credentials. */
export function redactLogText(text: string, secrets: Iterable<string>): string {
  return redactSecrets(text, secrets)
    .replace(
      labelledCredential,
      (_all, label: string, separator: string, scheme?: string) =>
        `${label}${separator}${scheme ? `${scheme} ` : ''}${REDACTED}`,
    )
    .replace(bearerToken, `$1 ${REDACTED}`)
    .replace(jwtLike, REDACTED);
}

/** What a log line's arguments become before any transport sees them: redacted text only. */
export function redactLogData(data: readonly unknown[], secrets: Iterable<string>): string[] {
  const known = [...secrets];
  return data.map((item) => redactLogText(logItemText(item), known));
}
