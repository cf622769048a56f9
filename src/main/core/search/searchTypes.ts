/** What every search provider module gives the search service (searchHttp.ts runs the request). */
import type { SearchProvider } from '../../../shared/searchChannels';

export interface SearchHit {
  title: string;
  url: string;
  snippet: string;
}

/** One HTTP request to a search provider; `secretHeaders` are never shown (the inspector). */
export interface SearchRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  secretHeaders: string[];
}

export interface SearchProviderModule {
  provider: SearchProvider;
  label: string;
  /**
   * Dollars one successful search costs at the provider's list price, or null when no price is
   * known (the ledger then counts the search and shows "—" for its fee, never $0).
   */
  feePerSearch: number | null;
  request(query: string, count: number, where: { base: string; key: string | null }): SearchRequest;
  /** The results of a 2xx body already parsed as JSON; a string says why it is not results. */
  parse(body: unknown): SearchHit[] | string;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Hits from a list of result objects, with the field names the provider uses. */
export function hitsFrom(
  list: unknown,
  fields: { title: string; url: string; snippet: string },
): SearchHit[] | string {
  if (!Array.isArray(list)) return 'the answer has no list of results';
  return list.flatMap((item): SearchHit[] => {
    if (!isRecord(item)) return [];
    const url = text(item[fields.url]);
    if (!/^https?:\/\//i.test(url)) return [];
    return [{ url, title: text(item[fields.title]) || url, snippet: text(item[fields.snippet]) }];
  });
}
