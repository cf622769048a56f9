import type { ProviderErrorKind } from '../../../shared/stream';
import { factsFromBody, type FailureFacts } from './errors';
import { refusedRedirectIn } from './originBoundFetch';
import { spoken, type SaidCode, type Spoken } from '../../../shared/said';

/**
 * Turns what the SDKs throw into failure facts. Duck-typed on purpose: the openai and
 * @anthropic-ai/sdk error classes share a shape (status, error body, headers) but no base class.
 */
export interface ThrownFacts {
  facts: FailureFacts;
  /** Set when the failure's nature is known without reading a body. */
  kind?: ProviderErrorKind;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Each socket error code's sentence (errors catalogue, `engine.network.*`). */
const networkCodes: Record<string, SaidCode> = {
  ECONNREFUSED: 'engine.network.refused',
  ENOTFOUND: 'engine.network.dns',
  EAI_AGAIN: 'engine.network.dns',
  ECONNRESET: 'engine.network.reset',
  ETIMEDOUT: 'engine.network.timedOut',
  EHOSTUNREACH: 'engine.network.unreachable',
  UND_ERR_SOCKET: 'engine.network.closed',
  UND_ERR_CONNECT_TIMEOUT: 'engine.network.timedOut',
};

function causeChain(error: unknown): Obj[] {
  const chain: Obj[] = [];
  let current: unknown = error;
  while (isObj(current) && chain.length < 6) {
    chain.push(current);
    current = current.cause;
  }
  return chain;
}

function networkMessage(error: unknown): Spoken {
  for (const link of causeChain(error)) {
    const code = str(link.code);
    const known = code ? networkCodes[code] : undefined;
    if (known) return spoken(known);
    if (code && /CERT|SSL|TLS/i.test(code)) return spoken('engine.network.tls', { code });
  }
  const messages = causeChain(error)
    .map((link) => str(link.message))
    .filter((m): m is string => !!m && m !== 'fetch failed' && m !== 'Connection error.');
  return messages[0]
    ? spoken('engine.network.other', { detail: messages[0] })
    : spoken('engine.network.notReached');
}

/** Strips the SDK's "429 " prefix so our message carries only the provider's words. */
function providerText(status: number | null, sdkMessage: string): string {
  if (/status code \(no body\)|^\(no status code or body\)$/.test(sdkMessage)) return '';
  if (status !== null && sdkMessage.startsWith(`${status} `))
    return sdkMessage.slice(String(status).length + 1);
  return sdkMessage;
}

/**
 * `errorBody`: the raw body of the failed response when the caller captured it; it is the
 * better witness for HTTP errors, since the SDKs keep only bodies shaped like their own.
 */
export function factsFromThrown(error: unknown, errorBody: string | null = null): ThrownFacts {
  // The SDKs' classes keep `name` as 'Error' in some versions: the constructor names them.
  const names = new Set([
    error instanceof Error ? error.name : undefined,
    isObj(error) ? str(error.constructor?.name) : undefined,
  ]);
  const is = (name: string) => names.has(name);
  const message = error instanceof Error ? error.message : String(error);

  const refused = refusedRedirectIn(error);
  // Not a network fault: the same redirect comes back on a repeat, so it is not retried.
  if (refused) return { facts: { status: refused.status, ...refused.words }, kind: 'bad_request' };
  if (is('APIUserAbortError') || is('AbortError')) {
    return { facts: { status: null, ...spoken('engine.stopped') }, kind: 'cancelled' };
  }
  if (is('APIConnectionTimeoutError')) {
    return { facts: { status: null, ...spoken('engine.requestTimedOut') }, kind: 'timeout' };
  }
  if (is('APIConnectionError') || error instanceof TypeError) {
    return { facts: { status: null, ...networkMessage(error) }, kind: 'network' };
  }
  if (error instanceof SyntaxError) {
    return {
      facts: { status: null, ...spoken('engine.malformed', { detail: message }) },
      kind: 'malformed_response',
    };
  }
  if (isObj(error) && 'status' in error && 'error' in error) {
    const status = typeof error.status === 'number' ? error.status : null;
    const body = error.error;
    // OpenAI hands over the inner `error` object; Anthropic the whole `{type:'error', error}` body.
    const inner = isObj(body) && isObj(body.error) ? body.error : isObj(body) ? body : undefined;
    const headers = error.headers instanceof Headers ? error.headers : null;
    if (status !== null && errorBody !== null)
      return { facts: factsFromBody(status, errorBody, headers) };
    const code = inner?.code;
    const requestId =
      str(isObj(body) ? body.request_id : undefined) ?? str(inner?.request_id) ?? undefined;
    return {
      facts: {
        status,
        type: str(inner?.type) ?? str(error.type),
        code: typeof code === 'number' || typeof code === 'string' ? code : undefined,
        message: str(inner?.message) ?? (inner ? '' : providerText(status, message)),
        headers,
        requestId,
      },
    };
  }
  return { facts: { status: null, ...networkMessage(error) }, kind: 'network' };
}
