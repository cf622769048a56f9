/**
 * SearXNG (docs.searxng.org/dev/search_api): `GET /search?q=…&format=json`; `format=json` must be
 * enabled in the instance's settings.yml (`search.formats`), else the instance answers 403.
 * Results: `results[]` with `url`, `title`, `content`. No key: an instance is open or behind
 * the person's own proxy. The instance returns its own page size (no count parameter), so the
 * service keeps the first N.
 */
import { hitsFrom, isRecord, type SearchProviderModule } from './searchTypes';

export const searxngSearch: SearchProviderModule = {
  provider: 'searxng',
  label: 'SearXNG',
  // The person's own (or a public) instance: no fee is known, so searches are counted only.
  feePerSearch: null,
  request(query, _count, { base }) {
    const url = new URL('search', base.endsWith('/') ? base : `${base}/`);
    url.searchParams.set('q', query);
    url.searchParams.set('format', 'json');
    return {
      method: 'GET',
      url: url.toString(),
      headers: { accept: 'application/json' },
      secretHeaders: [],
    };
  },
  parse(body) {
    if (!isRecord(body)) return 'the answer is not a JSON object';
    return hitsFrom(body.results, { title: 'title', url: 'url', snippet: 'content' });
  },
};
