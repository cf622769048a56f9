/**
 * A search provider offered to the model as the built-in `web_search` tool (issue 20), where the
 * provider has no search of its own or the person prefers theirs (docs/ENGINE.md "Web search
 * through a search provider"). Keys go renderer -> main only; main answers with whether one is set.
 */
import { z } from 'zod';
import { invoke } from './invokeChannel';
import type { Said } from './said';

export const searchProviders = ['searxng', 'brave', 'tavily'] as const;
export type SearchProvider = (typeof searchProviders)[number];
/** Their names, the same in every language. */
export const searchProviderLabels: Record<SearchProvider, string> = {
  searxng: 'SearXNG',
  brave: 'Brave Search',
  tavily: 'Tavily',
};
/** The providers that take a key (SearXNG instances are open, or behind the person's own proxy). */
export const keyedSearchProviders = ['brave', 'tavily'] as const;
export type KeyedSearchProvider = (typeof keyedSearchProviders)[number];

/** The model sees this name; MCP tools are always `server__tool`, so it never collides. */
export const WEB_SEARCH_TOOL = 'web_search';
/** The `serverId` of the built-in tool's calls (MCP server ids never start with `@`). */
export const BUILTIN_SEARCH_SERVER = '@search';

export const searchSettingsSchema = z
  .object({
    /** None: no search provider, the switch shows only where the provider has its own. */
    provider: z.enum(['none', ...searchProviders]),
    /** The SearXNG instance (its `/search` is asked); http or https. */
    searxngUrl: z.string().trim().max(2048),
    /** Use the search provider even where the model's provider has its own search tool. */
    preferOverNative: z.boolean(),
    /** Ask before each search, as for MCP tools (off by default: a search changes nothing). */
    askFirst: z.boolean(),
    /** Results given to the model per search (Brave allows 20, Tavily 20). */
    maxResults: z.number().int().min(1).max(20),
  })
  .strict();
export type SearchSettings = z.infer<typeof searchSettingsSchema>;

export const defaultSearchSettings: SearchSettings = {
  provider: 'none',
  searxngUrl: '',
  preferOverNative: false,
  askFirst: false,
  maxResults: 5,
};

export interface SearchSnapshot {
  settings: SearchSettings;
  /** Whether a key is stored for each keyed provider (never the key). */
  hasKey: Record<KeyedSearchProvider, boolean>;
  /** A provider is chosen and has what it needs (a URL or a key): the chat switch may show. */
  ready: boolean;
}

export interface SearchTestReport {
  ok: boolean;
  /** What happened, in words: how many results came back, or why not. */
  message: string;
  /** The same words as a code, shown in the person's language. */
  said?: Said;
  results: number;
}

export const searchChannels = {
  getSearchSettings: invoke<SearchSnapshot>()(z.object({}).strict()),
  /** Saves the settings; `key` (when given) is the chosen keyed provider's new key. */
  saveSearchSettings: invoke<SearchSnapshot>()(
    z
      .object({
        settings: searchSettingsSchema,
        key: z
          .object({ provider: z.enum(keyedSearchProviders), value: z.string().trim().max(512) })
          .strict()
          .optional(),
      })
      .strict(),
  ),
  /** One search with the saved settings ("Test"), its outcome in words. */
  testSearch: invoke<SearchTestReport>()(
    z.object({ query: z.string().trim().min(1).max(400).optional() }).strict(),
  ),
} as const;
