/**
 * Brave Search (api-dashboard.search.brave.com/api-reference/web/search/get):
 * `GET https://api.search.brave.com/res/v1/web/search?q=…&count=N`, the key in
 * `X-Subscription-Token`; `q` at most 400 characters and 50 words, `count` 1–20. Results:
 * `web.results[]` with `title`, `url`, `description` (WebSearchApiResponse, …/web-search/responses).
 */
import { hitsFrom, isRecord, type SearchProviderModule } from './searchTypes';

export const BRAVE_URL = 'https://api.search.brave.com/res/v1/web/search';

export const braveSearch: SearchProviderModule = {
  provider: 'brave',
  label: 'Brave Search',
  // The price depends on the plan and no Brave page we can cite states it per request: counted only.
  feePerSearch: null,
  request(query, count, { base, key }) {
    const url = new URL(base);
    url.searchParams.set('q', query.slice(0, 400));
    url.searchParams.set('count', String(Math.min(20, Math.max(1, count))));
    return {
      method: 'GET',
      url: url.toString(),
      headers: { accept: 'application/json', 'x-subscription-token': key ?? '' },
      secretHeaders: ['x-subscription-token'],
    };
  },
  parse(body) {
    if (!isRecord(body)) return 'the answer is not a JSON object';
    // No web results (a query with none) leaves `web` out: that is an empty list, not a fault.
    if (body.web === undefined) return [];
    if (!isRecord(body.web)) return 'its "web" field is not an object';
    return hitsFrom(body.web.results, { title: 'title', url: 'url', snippet: 'description' });
  },
};
