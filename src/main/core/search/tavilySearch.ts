/**
 * Tavily (docs.tavily.com/api-reference/endpoint/search): `POST https://api.tavily.com/search`,
 * `Authorization: Bearer <key>`, JSON body `{ query, max_results }` (`max_results` default 5,
 * at most 20; `search_depth` `basic` costs 1 credit). Results: `results[]` with `title`, `url`,
 * `content`, `score`. Errors (help.tavily.com "Errors Code"): 401 missing or invalid key, 429
 * too many requests, 432 plan limit, 433 pay-as-you-go limit, 500.
 */
import { hitsFrom, isRecord, type SearchProviderModule } from './searchTypes';

export const TAVILY_URL = 'https://api.tavily.com/search';

export const tavilySearch: SearchProviderModule = {
  provider: 'tavily',
  label: 'Tavily',
  request(query, count, { base, key }) {
    return {
      method: 'POST',
      url: base,
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        authorization: `Bearer ${key ?? ''}`,
      },
      body: JSON.stringify({
        query,
        max_results: Math.min(20, Math.max(1, count)),
        search_depth: 'basic',
      }),
      secretHeaders: ['authorization'],
    };
  },
  parse(body) {
    if (!isRecord(body)) return 'the answer is not a JSON object';
    return hitsFrom(body.results, { title: 'title', url: 'url', snippet: 'content' });
  },
};
