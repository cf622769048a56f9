/**
 * The person's search provider (Settings › Web search): its settings in the preferences file, its
 * key in the keychain (`search:<provider>#key`, beside the profiles' keys), a test search, and the
 * searches the built-in `web_search` tool makes. No key is ever returned, logged or shown.
 */
import {
  defaultSearchSettings,
  searchSettingsSchema,
  type KeyedSearchProvider,
  type SearchProvider,
  type SearchSettings,
  type SearchSnapshot,
  type SearchTestReport,
} from '../../../shared/searchChannels';
import { SaidError, spoken, type Said, type Spoken } from '../../../shared/said';
import type { ToolCallOutcome } from '../../../shared/tools';
import type { PreferencesStore } from '../preferences/PreferencesStore';
import type { SecretVault } from '../secrets/SecretVault';
import { BRAVE_URL, braveSearch } from './braveSearch';
import { runSearchRequest, type SearchTap } from './searchHttp';
import { searchResultText } from './searchResultText';
import type { SearchHit, SearchProviderModule } from './searchTypes';
import { searxngSearch } from './searxngSearch';
import { TAVILY_URL, tavilySearch } from './tavilySearch';

const SETTINGS_KEY = 'search.settings';
export const searchKeyAccount = (provider: KeyedSearchProvider) => `search:${provider}#key`;

const modules: Record<SearchProvider, SearchProviderModule> = {
  searxng: searxngSearch,
  brave: braveSearch,
  tavily: tavilySearch,
};

export interface SearchServiceDeps {
  preferences: PreferencesStore;
  vault: SecretVault;
  /** Tests point Brave and Tavily at the emulator; the app uses their real URLs. */
  endpoints?: Partial<Record<KeyedSearchProvider, string>>;
  /** One search's limit (default 15 s). */
  timeoutMs?: number;
}

/** A search request that went out: what the usage ledger records of it (usage/searchUsage.ts). */
export interface SearchSent {
  provider: SearchProvider;
  ok: boolean;
  /** The fee of this search: the provider's price when it succeeded, else null (count only). */
  fee: number | null;
  durationMs: number;
}

/**
 * `said`: a failure's words as a code, for Settings' Test (the model reads `content`, English);
 * `sent`: present when a request went to the provider (not when settings stopped it first).
 */
export type SearchOutcome = ToolCallOutcome & { hits: SearchHit[]; said?: Said; sent?: SearchSent };

export class SearchService {
  constructor(private readonly deps: SearchServiceDeps) {}

  settings(): SearchSettings {
    const parsed = searchSettingsSchema.safeParse(this.deps.preferences.get(SETTINGS_KEY));
    return parsed.success ? parsed.data : defaultSearchSettings;
  }

  async snapshot(): Promise<SearchSnapshot> {
    const settings = this.settings();
    const hasKey = {
      brave: !!(await this.deps.vault.get(searchKeyAccount('brave'))),
      tavily: !!(await this.deps.vault.get(searchKeyAccount('tavily'))),
    };
    const ready =
      settings.provider === 'searxng'
        ? isWebUrl(settings.searxngUrl)
        : settings.provider !== 'none' && hasKey[settings.provider];
    return { settings, hasKey, ready };
  }

  /** Saves the settings and a new key; throws KeyStoreUnavailableError when the keychain refuses it. */
  async save(
    settings: SearchSettings,
    key?: { provider: KeyedSearchProvider; value: string },
  ): Promise<SearchSnapshot> {
    if (settings.provider === 'searxng' && settings.searxngUrl && !isWebUrl(settings.searxngUrl))
      throw new SearchSettingsError(spoken('search.badSearxngUrl'));
    if (key?.value)
      await this.deps.vault.set(searchKeyAccount(key.provider), key.value, 'keychain');
    else if (key)
      await this.deps.vault.remove(searchKeyAccount(key.provider)).catch(() => undefined);
    this.deps.preferences.set(SETTINGS_KEY, settings);
    return this.snapshot();
  }

  /** The provider's label when one is ready (the tool's description names it), else null. */
  async readyLabel(): Promise<string | null> {
    const snapshot = await this.snapshot();
    return snapshot.ready && snapshot.settings.provider !== 'none'
      ? modules[snapshot.settings.provider].label
      : null;
  }

  /** Why no search can be made with the saved settings (the CLI's --web-search says it), or null. */
  async notReady(): Promise<Spoken | null> {
    const settings = this.settings();
    if (settings.provider === 'none') return spoken('search.noProvider');
    const where = await this.where(settings);
    if (!('said' in where)) return null;
    // "No key is set" would be wrong where the keychain could not be asked at all.
    const keychain = where.said.code === 'search.noKey' ? await this.deps.vault.status() : null;
    if (keychain && !keychain.available)
      return spoken('search.keychainUnreachable', { name: modules[settings.provider].label });
    return where;
  }

  async test(query = 'Switchboard'): Promise<SearchTestReport> {
    const outcome = await this.search(query, new AbortController().signal);
    if (outcome.isError)
      return {
        ok: false,
        message: outcome.content,
        ...(outcome.said ? { said: outcome.said } : {}),
        results: 0,
      };
    const name = (await this.readyLabel()) ?? '';
    const count = outcome.hits.length;
    return { ok: true, ...spoken('search.results', { name, count }), results: count };
  }

  /** One search with the saved settings: the tool result the model reads, and the pages found. */
  async search(query: string, signal: AbortSignal, tap?: SearchTap): Promise<SearchOutcome> {
    const failed = (words: Spoken): SearchOutcome => ({
      content: words.message,
      said: words.said,
      isError: true,
      hits: [],
    });
    const settings = this.settings();
    if (settings.provider === 'none') return failed(spoken('search.noProvider'));
    const module = modules[settings.provider];
    const where = await this.where(settings);
    if ('said' in where) return failed(where);
    const request = module.request(query, settings.maxResults, where);
    const scrub = (text: string) => (where.key ? text.split(where.key).join('[key]') : text);
    const timeoutMs = this.deps.timeoutMs ?? 15_000;
    const started = performance.now();
    const result = await runSearchRequest(module, request, { signal, timeoutMs, tap, scrub });
    const sent = (ok: boolean): SearchSent => ({
      provider: module.provider,
      ok,
      fee: ok ? module.feePerSearch : null,
      durationMs: performance.now() - started,
    });
    if (!result.ok) return { ...failed(result), sent: sent(false) };
    const hits = result.hits.slice(0, settings.maxResults);
    return {
      sent: sent(true),
      content: searchResultText(module.label, query, hits),
      isError: false,
      hits,
      citations: hits.map((hit) => ({ title: hit.title, url: hit.url })),
    };
  }

  private async where(
    settings: SearchSettings,
  ): Promise<{ base: string; key: string | null } | Spoken> {
    if (settings.provider === 'searxng')
      return isWebUrl(settings.searxngUrl)
        ? { base: settings.searxngUrl, key: null }
        : spoken('search.noSearxngUrl');
    if (settings.provider === 'none') return spoken('search.noProvider');
    const stored = await this.deps.vault.get(searchKeyAccount(settings.provider));
    if (!stored) return spoken('search.noKey', { name: modules[settings.provider].label });
    const base =
      this.deps.endpoints?.[settings.provider] ??
      (settings.provider === 'brave' ? BRAVE_URL : TAVILY_URL);
    return { base, key: stored.secret };
  }
}

export class SearchSettingsError extends SaidError {}

function isWebUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
