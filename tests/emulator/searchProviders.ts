import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './openaiDialect';
import { holdSilently } from './silence';

/**
 * Search providers, as the built-in web_search tool asks them (docs/ENGINE.md "Web search
 * through a search provider"), on the emulator's port:
 *   SearXNG  GET  /searxng/search?q=…&format=json   (instance URL `${origin}/searxng`); a format
 *                 other than json is refused 403, as an instance without it in search.formats
 *   Brave    GET  /brave/res/v1/web/search?q=…&count=N   key in X-Subscription-Token
 *   Tavily   POST /tavily/search  { query, max_results }  key as Authorization: Bearer
 * A missing key, or one containing "-bad-", is refused 401 in the provider's own body. Each
 * result is `https://resultN.example/<query words>` titled "Result N for <query>". Directives
 * inside the query (the model writes them in its tool arguments):
 *   search_results=N   N results (default 3; 0: none)
 *   search_fault=401|403|429|432|500|502|timeout|html|garbage|shape
 *                      an HTTP error in the provider's shape (429 with Retry-After: 7; 502 an
 *                      HTML page), no answer at all (timeout), a 200 HTML page, a 200 body that
 *                      is not JSON, or JSON that is not results
 */
export type SearchDialect = 'searxng' | 'brave' | 'tavily';

export function searchDialect(method: string | undefined, path: string): SearchDialect | null {
  if (method === 'GET' && path === '/searxng/search') return 'searxng';
  if (method === 'GET' && path === '/brave/res/v1/web/search') return 'brave';
  if (method === 'POST' && path === '/tavily/search') return 'tavily';
  return null;
}

function resultsFor(query: string, count: number) {
  const slug = encodeURIComponent(query.replace(/\s+/g, '-').slice(0, 40));
  return Array.from({ length: count }, (_, i) => ({
    title: `Result ${i + 1} for ${query}`,
    url: `https://result${i + 1}.example/${slug}`,
    snippet: `Snippet ${i + 1} about ${query}.`,
  }));
}

function refusedKey(dialect: SearchDialect, req: IncomingMessage): boolean {
  if (dialect === 'searxng') return false;
  const raw = dialect === 'brave' ? req.headers['x-subscription-token'] : req.headers.authorization;
  const key = dialect === 'tavily' ? /^Bearer (.+)$/.exec(String(raw ?? ''))?.[1] : raw;
  return typeof key !== 'string' || key.length === 0 || /-bad-/i.test(key);
}

/** Each provider's error body: Brave's ErrorResponse, Tavily's `detail.error`, SearXNG a page. */
function sendError(
  res: ServerResponse,
  dialect: SearchDialect,
  status: number,
  text: string,
): void {
  const headers: Record<string, string> = status === 429 ? { 'retry-after': '7' } : {};
  if (dialect === 'searxng' || status === 502) {
    res.writeHead(status, { 'content-type': 'text/html', ...headers });
    res.end(`<html><body><h1>${status}</h1><p>${text}</p></body></html>`);
    return;
  }
  if (dialect === 'brave')
    return sendJson(
      res,
      status,
      { type: 'ErrorResponse', error: { status, code: 'ERROR', detail: text } },
      headers,
    );
  sendJson(res, status, { detail: { error: text } }, headers);
}

const faultTexts: Record<string, [number, string]> = {
  '401': [401, 'The provided subscription token is invalid.'],
  '403': [403, 'Forbidden'],
  '429': [429, 'Your request has been blocked due to excessive requests.'],
  '432': [432, "This request exceeds your plan's set usage limit."],
  '500': [500, 'Internal Server Error'],
  '502': [502, 'Bad Gateway'],
};

export async function answerSearch(
  dialect: SearchDialect,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: unknown,
): Promise<void> {
  const query =
    dialect === 'tavily'
      ? String((body as { query?: unknown } | null)?.query ?? '')
      : (url.searchParams.get('q') ?? '');
  if (refusedKey(dialect, req))
    return sendError(res, dialect, 401, 'Unauthorized: missing or invalid API key.');
  if (dialect === 'searxng' && url.searchParams.get('format') !== 'json')
    return sendError(res, dialect, 403, 'Forbidden');
  const fault = /search_fault=(\w+)/.exec(query)?.[1];
  if (fault && faultTexts[fault]) return sendError(res, dialect, ...faultTexts[fault]);
  if (fault === 'timeout') return holdSilently(res);
  if (fault === 'html') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><html><body>Sign in to the network</body></html>');
    return;
  }
  if (fault === 'garbage') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"results": [ {"title": "cut off');
    return;
  }
  if (fault === 'shape') return sendJson(res, 200, { answer: 'no list here' });
  const count = Number(/search_results=(\d+)/.exec(query)?.[1] ?? 3);
  const hits = resultsFor(query, count);
  if (dialect === 'searxng')
    return sendJson(res, 200, {
      query,
      number_of_results: hits.length,
      results: hits.map((h) => ({
        title: h.title,
        url: h.url,
        content: h.snippet,
        engine: 'emulator',
      })),
    });
  if (dialect === 'brave')
    return sendJson(res, 200, {
      type: 'search',
      query: { original: query },
      ...(hits.length
        ? {
            web: {
              type: 'search',
              results: hits.map((h) => ({ title: h.title, url: h.url, description: h.snippet })),
            },
          }
        : {}),
    });
  sendJson(res, 200, {
    query,
    results: hits.map((h, i) => ({
      title: h.title,
      url: h.url,
      content: h.snippet,
      score: 0.9 - i / 10,
    })),
    response_time: 0.01,
  });
}
