import { STATUS_CODES } from 'node:http';
import type { ProviderError, ProviderErrorKind } from '../../../shared/stream';
import { spoken, type Said } from '../../../shared/said';
import { redactSecrets } from './redact';
import { retryAfterMsFrom } from './retry';

/** The facts of one failure, whatever the SDK or wire form it came in. */
export interface FailureFacts {
  status: number | null;
  /** Provider error type (`rate_limit_error`, `insufficient_quota`, …). */
  type?: string | null | undefined;
  /** Provider error code (`context_length_exceeded`, `DeploymentNotFound`, 502, …). */
  code?: string | number | null | undefined;
  /** The provider's message, or the raw body when it was not JSON. */
  message?: string | null | undefined;
  headers?: Headers | null | undefined;
  requestId?: string | null | undefined;
  /** The wait the body itself asks for (google.rpc.RetryInfo's `retryDelay`, Gemini's 429s). */
  retryDelayMs?: number | undefined;
  /** Set when `message` is ours, not the provider's: its code for the person's language. */
  said?: Said | undefined;
}

const requestIdHeaders = ['x-request-id', 'request-id', 'apim-request-id', 'x-ms-request-id'];

export function requestIdFrom(headers: Headers | null | undefined): string | undefined {
  for (const name of requestIdHeaders) {
    const value = headers?.get(name);
    if (value) return value;
  }
  return undefined;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The facts in an error body, whatever its shape: OpenAI `{error:{message,type,code}}`,
 * Anthropic `{type:'error',error:{type,message}}`, vLLM `{object:'error',message,type,code}`,
 * Google's `{error:{code,message,status}}` (its `status` read as the type), Ollama
 * `{error:"…"}`, FastAPI `{detail:…}`, or not JSON at all (an HTML page).
 */
export function factsFromBody(
  status: number | null,
  body: string,
  headers?: Headers | null,
): FailureFacts {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { status, message: body, headers };
  }
  const root = isObj(parsed) ? parsed : {};
  const inner = isObj(root.error) ? root.error : root;
  const code = inner.code;
  const detail = root.detail;
  const retryDelayMs = retryInfoMs(inner.details);
  return {
    ...(retryDelayMs !== undefined ? { retryDelayMs } : {}),
    status,
    type: text(inner.type) ?? text(inner.status) ?? null,
    code: typeof code === 'string' || typeof code === 'number' ? code : null,
    message:
      text(inner.message) ??
      text(root.error) ??
      text(detail) ??
      (detail !== undefined ? JSON.stringify(detail) : body),
    headers,
    requestId: text(root.request_id) ?? null,
  };
}

/**
 * google.rpc.RetryInfo in a google.rpc.Status's `details`: `{"@type": "…google.rpc.RetryInfo",
 * "retryDelay": "53s"}` (a protobuf Duration in JSON: seconds with an `s`).
 */
function retryInfoMs(details: unknown): number | undefined {
  if (!Array.isArray(details)) return undefined;
  for (const detail of details) {
    if (!isObj(detail) || !String(detail['@type'] ?? '').endsWith('google.rpc.RetryInfo')) continue;
    const seconds = /^(\d+(?:\.\d+)?)s$/.exec(text(detail.retryDelay) ?? '')?.[1];
    if (seconds !== undefined) return Math.round(Number(seconds) * 1000);
  }
  return undefined;
}

function kindOf(facts: FailureFacts): ProviderErrorKind {
  const { status } = facts;
  const type = String(facts.type ?? '').toLowerCase();
  const code = String(facts.code ?? '').toLowerCase();
  const message = String(facts.message ?? '').toLowerCase();
  const numericCode = typeof facts.code === 'number' ? facts.code : Number(code) || null;
  const effective = status ?? numericCode;
  const has = (...words: string[]) => words.some((w) => type === w || code === w);

  // A 429 that says when to try again is a rate limit, whatever its words (Gemini says "You
  // exceeded your current quota" for a per-minute limit, with a RetryInfo beside it).
  if (effective === 429 && facts.retryDelayMs !== undefined) return 'rate_limit';
  // Specific causes first: they decide retry, whatever status carried them.
  if (
    has('insufficient_quota', 'billing_error', 'billing_hard_limit_reached') ||
    effective === 402 ||
    /exceeded your current quota|credit balance is too low|insufficient (credits|balance)/.test(
      message,
    )
  )
    return 'quota';
  if (
    has('context_length_exceeded', 'string_above_max_length') ||
    /maximum context length|context window|prompt is too long|context_length_exceeded|too many tokens in (the )?prompt|input token count .* exceeds the maximum/.test(
      message,
    )
  )
    return 'context_length';
  if (
    has('content_filter', 'content_policy_violation', 'responsibleaipolicyviolation') ||
    /content management policy|content_filter/.test(message)
  )
    return 'content_filter';
  // Google refuses a wrong key with 400 INVALID_ARGUMENT and reason API_KEY_INVALID.
  if (
    has('authentication_error', 'invalid_api_key', 'unauthenticated') ||
    effective === 401 ||
    /api key not valid|api key not found/.test(message)
  )
    return 'auth';
  if (has('permission_error', 'permission_denied') || effective === 403) return 'permission';
  if (has('not_found_error', 'model_not_found', 'deploymentnotfound') || effective === 404)
    return 'not_found';
  if (has('overloaded_error') || effective === 529 || effective === 503) return 'overloaded';
  if (has('rate_limit_error', 'rate_limit_exceeded') || effective === 429) {
    // Groq answers 413 rate_limit_exceeded for a request larger than the whole budget.
    return effective === 413 ? 'bad_request' : 'rate_limit';
  }
  if (has('timeout_error') || effective === 408 || effective === 504) return 'timeout';
  if (effective !== null && effective >= 500) return 'server';
  if (has('api_error', 'server_error')) return 'server';
  if (has('invalid_request_error', 'request_too_large') || (effective ?? 0) >= 400)
    return 'bad_request';
  // An in-stream error with nothing to go on: the server failed mid-answer.
  return 'server';
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype|html|head|body|\?xml|[a-z]+[\s>])/i.test(text);
}

function statusText(status: number | null): string {
  if (status === null) return 'no status';
  const phrase = STATUS_CODES[status] ?? (status === 529 ? 'Overloaded' : undefined);
  return phrase ? `${status} ${phrase}` : String(status);
}

/** Ours, when the body says nothing a person can read: an HTML page, or nothing at all. */
function unreadableBody(facts: FailureFacts): { message: string; said: Said } | null {
  const raw = (facts.message ?? '').trim();
  if (raw && !looksLikeHtml(raw)) return null;
  const status = statusText(facts.status);
  return spoken(raw ? 'engine.httpHtmlPage' : 'engine.httpNoDetails', { status });
}

/** One short plain line: never an HTML page, a stack or a key. */
export function shortMessage(
  facts: FailureFacts,
  kind: ProviderErrorKind,
  secrets: Iterable<string | null | undefined>,
): string {
  const raw = (facts.message ?? '').trim();
  const unreadable = unreadableBody(facts);
  if (unreadable) return unreadable.message;
  let line = raw.replace(/\s+/g, ' ');
  if (line.length > 300) line = `${line.slice(0, 297)}…`;
  line = redactSecrets(line, secrets);
  // A bare status line from a proxy names nothing useful on its own.
  if (kind !== 'interrupted' && facts.status !== null && !line.includes(String(facts.status))) {
    return `${line} (HTTP ${facts.status})`;
  }
  return line;
}

export function providerErrorFrom(
  facts: FailureFacts,
  secrets: Iterable<string | null | undefined> = [],
  kindOverride?: ProviderErrorKind,
): ProviderError {
  const kind = kindOverride ?? kindOf(facts);
  const error: ProviderError = {
    kind,
    status: facts.status,
    message: shortMessage(facts, kind, secrets),
  };
  const said = unreadableBody(facts)?.said ?? facts.said;
  if (said) error.said = said;
  const retryAfterMs =
    retryAfterMsFrom(facts.headers ?? null, facts.message ?? '') ?? facts.retryDelayMs;
  if (retryAfterMs !== undefined) error.retryAfterMs = retryAfterMs;
  const requestId = facts.requestId ?? requestIdFrom(facts.headers);
  if (requestId) error.requestId = requestId;
  return error;
}

export { kindOf as classifyFailure };
