/**
 * Provider calls carry credentials in headers (`Authorization`, `x-api-key`, `api-key`, a
 * gateway's own header, secret custom headers). The runtime's fetch strips only `Authorization`
 * when a redirect leaves the origin, so every provider call goes through this wrapper instead:
 * redirects within the origin are followed here, a redirect to another origin is refused.
 */
import { spoken } from '../../../shared/said';

/** Redirect statuses of the Fetch standard (https://fetch.spec.whatwg.org/#redirect-status). */
const redirectStatuses = new Set([301, 302, 303, 307, 308]);
/** The Fetch standard's own limit on a redirect chain. */
const maxRedirects = 20;

/** Thrown when a server sends a provider call elsewhere: no credential goes to another origin. */
export class CrossOriginRedirectError extends Error {
  override name = 'CrossOriginRedirectError';
  constructor(
    readonly status: number,
    readonly fromOrigin: string,
    readonly toOrigin: string,
    readonly words = spoken('engine.crossOriginRedirect', { fromOrigin, toOrigin, status }),
  ) {
    super(words.message);
  }
}

export type BaseFetch = (url: string, init: RequestInit) => Promise<Response>;

/** The origin only: a URL's path or query may carry a key (Azure's `api-key=` query, for one). */
function originOf(url: URL): string {
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : `${url.protocol}…`;
}

/**
 * The Fetch standard's method rewrite: 303 (for anything but HEAD), and 301/302 after a POST,
 * go on as a GET without a body; 307 and 308 repeat the request as it was.
 */
function nextInit(status: number, init: RequestInit): RequestInit {
  const method = (init.method ?? 'GET').toUpperCase();
  if (
    (status === 303 && method !== 'HEAD') ||
    ((status === 301 || status === 302) && method === 'POST')
  ) {
    const headers = new Headers(init.headers);
    for (const name of ['content-type', 'content-length', 'content-encoding', 'content-language'])
      headers.delete(name);
    return { ...init, method: 'GET', body: null, headers };
  }
  if (init.body instanceof ReadableStream)
    throw new Error('The server redirected a request whose body cannot be sent twice.');
  return init;
}

export function originBoundFetch(
  baseFetch: BaseFetch = fetch,
): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  return async (input, init = {}) => {
    // The SDKs pass a URL string and an init; a Request's own fields are kept under the init's.
    const first: RequestInit =
      input instanceof Request
        ? { method: input.method, headers: input.headers, signal: input.signal, ...init }
        : init;
    let url = new URL(input instanceof Request ? input.url : String(input));
    let current: RequestInit = { ...first, redirect: 'manual' };
    for (let hop = 0; ; hop++) {
      const response = await baseFetch(url.href, current);
      const location = response.headers.get('location');
      if (!redirectStatuses.has(response.status) || location === null) return response;
      await response.body?.cancel().catch(() => undefined);
      const next = new URL(location, url);
      if (next.origin !== url.origin || next.origin === 'null')
        throw new CrossOriginRedirectError(response.status, originOf(url), originOf(next));
      if (hop >= maxRedirects)
        throw new Error(`The server at ${url.origin} redirected more than ${maxRedirects} times.`);
      current = nextInit(response.status, current);
      url = next;
    }
  };
}

/** Whether a thrown error (or one in its cause chain, as the SDKs wrap it) is a refused redirect. */
export function refusedRedirectIn(error: unknown): CrossOriginRedirectError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth++) {
    if (current instanceof CrossOriginRedirectError) return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  return null;
}
