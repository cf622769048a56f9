/**
 * One search request over HTTP, with a time limit, and every way it can fail said in words the
 * person and the model both read: a refused key (401), a refusal (403), a rate limit (429, with
 * its Retry-After), a plan limit (Tavily's 432/433), a server error (5xx), a timeout, a server
 * that cannot be reached, and an answer that is not JSON results. The key never appears in any
 * of it (nor in what the inspector is shown).
 */
import { spoken, type SaidCode, type Spoken } from '../../../shared/said';
import type { SearchProvider } from '../../../shared/searchChannels';
import {
  isRecord,
  type SearchHit,
  type SearchProviderModule,
  type SearchRequest,
} from './searchTypes';

export type SearchTap = (direction: 'sent' | 'received', message: string) => void;

export type SearchHttpResult = { ok: true; hits: SearchHit[] } | ({ ok: false } & Spoken);

const MAX_SHOWN_BODY = 20_000;

/** What a 403 means for each provider (SearXNG: the JSON format is off in its settings). */
const forbidden: Record<Exclude<SearchProvider, 'none'>, SaidCode> = {
  brave: 'search.forbidden.brave',
  tavily: 'search.forbidden.tavily',
  searxng: 'search.forbidden.searxng',
};

/** The request as the inspector shows it: method, URL and headers, secret ones struck out. */
export function shownRequest(request: SearchRequest): string {
  const headers = Object.entries(request.headers).map(
    ([name, value]) => `${name}: ${request.secretHeaders.includes(name) ? '[redacted]' : value}`,
  );
  return [
    `${request.method} ${request.url}`,
    ...headers,
    ...(request.body ? ['', request.body] : []),
  ].join('\n');
}

/** A provider's own words from an error body, whatever its shape (Tavily `detail.error`, Brave `error.detail`). */
export function errorDetail(body: unknown): string {
  const pick = (value: unknown): string => (typeof value === 'string' ? value : '');
  if (!isRecord(body)) return '';
  const { detail, error, message } = body;
  const found =
    (isRecord(detail) ? pick(detail.error) || pick(detail.message) : pick(detail)) ||
    (isRecord(error) ? pick(error.detail) || pick(error.message) : pick(error)) ||
    pick(message);
  return found.replace(/\s+/g, ' ').trim().slice(0, 200);
}

function statusMessage(
  module: SearchProviderModule,
  status: number,
  detail: string,
  retryAfter: string | null,
): Spoken {
  const said = detail ? spoken('search.itSaid', { detail }).said : '';
  const name = module.label;
  if (status === 401) return spoken('search.keyRefused', { name, said });
  if (status === 403) return spoken(forbidden[module.provider as keyof typeof forbidden], { said });
  if (status === 429) {
    const wait =
      retryAfter && /^\d+$/.test(retryAfter)
        ? spoken('search.retryIn', { seconds: Number(retryAfter) }).said
        : spoken('search.retrySoon').said;
    return spoken('search.rateLimited', { name, wait, said });
  }
  if (status === 432 || status === 433) return spoken('search.overPlan', { name, status, said });
  if (status >= 500) return spoken('search.serverError', { name, status, said });
  return spoken('search.refused', { name, status, said });
}

/** Runs one request; never throws (a cancelled one says so). */
export async function runSearchRequest(
  module: SearchProviderModule,
  request: SearchRequest,
  options: {
    signal: AbortSignal;
    timeoutMs: number;
    tap?: SearchTap | undefined;
    scrub(text: string): string;
  },
): Promise<SearchHttpResult> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = AbortSignal.any([options.signal, timeout]);
  options.tap?.('sent', shownRequest(request));
  let response: Response;
  let text: string;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body ? { body: request.body } : {}),
      signal,
      // A key never follows a redirect (the origin rule of originBoundFetch.ts); an open SearXNG may.
      redirect: request.secretHeaders.length ? 'error' : 'follow',
    });
    text = await response.text();
  } catch (error) {
    if (options.signal.aborted) return { ok: false, ...spoken('search.stopped') };
    if (timeout.aborted)
      return {
        ok: false,
        ...spoken('search.noAnswer', {
          name: module.label,
          seconds: Math.round(options.timeoutMs / 1000),
        }),
      };
    const cause =
      error instanceof Error
        ? ((error.cause as Error | undefined)?.message ?? error.message)
        : String(error);
    return {
      ok: false,
      ...spoken('search.unreachable', { name: module.label, detail: options.scrub(cause) }),
    };
  }
  options.tap?.(
    'received',
    `${response.status} ${response.statusText}\n${options.scrub(text).slice(0, MAX_SHOWN_BODY)}`,
  );
  return readAnswer(module, response, text, options.scrub);
}

function readAnswer(
  module: SearchProviderModule,
  response: Response,
  text: string,
  scrub: (text: string) => string,
): SearchHttpResult {
  let body: unknown;
  try {
    body = text.trim() ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const detail = scrub(errorDetail(body));
    return {
      ok: false,
      ...statusMessage(module, response.status, detail, response.headers.get('retry-after')),
    };
  }
  if (body === undefined) {
    const type = response.headers.get('content-type') ?? 'no content type';
    return {
      ok: false,
      ...spoken(text.trim() ? 'search.notJson' : 'search.notJsonEmpty', {
        name: module.label,
        status: response.status,
        type,
      }),
    };
  }
  const hits = module.parse(body);
  if (typeof hits === 'string')
    return {
      ok: false,
      ...spoken('search.notResults', { name: module.label, detail: hits }),
    };
  return { ok: true, hits };
}
