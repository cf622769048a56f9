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
  // A basic search is 1 credit; pay-as-you-go is $0.008 a credit (docs.tavily.com/documentation/
  // api-credits, "Pricing Overview"; monthly plans $0.0075–0.005, the 1,000 free credits a month
  // not subtracted): the list price, an upper bound of what the person pays.
  feePerSearch: 0.008,
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
