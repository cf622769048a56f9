/** What the model reads back from one search: the pages numbered, so it can cite them as [n]. */
import type { SearchHit } from './searchTypes';

const MAX_SNIPPET = 600;

export function searchResultText(label: string, query: string, hits: readonly SearchHit[]): string {
  if (hits.length === 0) return `${label} found no results for "${query}".`;
  const lines = hits.map((hit, i) => {
    const snippet =
      hit.snippet.length > MAX_SNIPPET ? `${hit.snippet.slice(0, MAX_SNIPPET)}…` : hit.snippet;
    return `[${i + 1}] ${hit.title}\nURL: ${hit.url}${snippet ? `\n${snippet}` : ''}`;
  });
  return [
    `${label} results for "${query}":`,
    ...lines,
    'Cite the pages you use by their number, like [1].',
  ].join('\n\n');
}
