/**
 * Searches through the person's search provider in the usage ledger, over real loopback HTTP:
 * the model (the emulator) calls web_search, the search goes to the emulator's SearXNG, Brave or
 * Tavily endpoint, and each request that went out is one `search` row of the answer it was made
 * for, with Tavily's fee and no fee (null, shown "—") where the price is not known or it failed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatService } from '../../src/main/core/chat/ChatService';
import { createMemoryPreferences } from '../../src/main/core/preferences/PreferencesStore';
import { SearchService } from '../../src/main/core/search/SearchService';
import { answerToolsWithSearch } from '../../src/main/core/search/searchTool';
import { SecretVault } from '../../src/main/core/secrets/SecretVault';
import { createMemoryKeyStore } from '../../src/main/core/secrets/memoryKeyStore';
import { openStore, type Store } from '../../src/main/core/store/Store';
import { rangeOfDays, UsageReporter } from '../../src/main/core/usage/usageReport';
import { UsageWriter } from '../../src/main/core/usage/UsageWriter';
import { defaultSearchSettings, type SearchProvider } from '../../src/shared/searchChannels';
import { startEmulator, type Emulator } from '../emulator/server';
import { emulatorTarget, taggedPrompt } from '../support/engineRun';
import { fixedProfiles } from '../support/fixedProfiles';

let emulator: Emulator;
let store: Store;
let chat: ChatService;
let search: SearchService;
const keys = { brave: 'brave-0123456789abcdef', tavily: 'tvly-0123456789abcdef' };

beforeAll(async () => {
  emulator = await startEmulator();
  store = openStore({ dataDir: mkdtempSync(join(tmpdir(), 'sb-search-usage-')) });
  search = new SearchService({
    preferences: createMemoryPreferences(),
    vault: new SecretVault(createMemoryKeyStore()),
    endpoints: {
      brave: `${emulator.origin}/brave/res/v1/web/search`,
      tavily: `${emulator.origin}/tavily/search`,
    },
    timeoutMs: 2000,
  });
  const usage = new UsageWriter(store);
  chat = new ChatService({
    store,
    autoTitle: false,
    profiles: fixedProfiles([emulatorTarget(emulator, 'openai')]),
    emit: () => undefined,
    usage,
    tools: answerToolsWithSearch({ search, maxSteps: () => 10, usage }),
  });
});
afterAll(async () => {
  store?.close();
  await emulator?.close();
});

async function use(provider: SearchProvider) {
  const chosen = { ...defaultSearchSettings, provider };
  if (provider === 'searxng') chosen.searxngUrl = `${emulator.origin}/searxng`;
  const key = provider === 'searxng' ? undefined : { provider, value: keys[provider] };
  await search.save(chosen, key);
}

/** One answer whose model searches `rounds` times with `query`. */
async function answerSearching(query: string, rounds = 1) {
  const { prompt } = taggedPrompt(
    `tool=web_search tool_args={"query":"${query}"} tool_rounds=${rounds}`,
  );
  const ids = chat.send({
    text: prompt,
    profileId: 'openai',
    settings: { model: null, systemPrompt: null, parameters: { webSearch: true } },
  });
  await chat.idle();
  return ids;
}

interface LedgerRow {
  kind: string;
  provider: string;
  conversation_id: string;
  message_id: string;
  model: string | null;
  input_tokens: number | null;
  outcome: string;
  cost: number | null;
}

const searchRows = (messageId: string) =>
  store.db
    .prepare(`SELECT * FROM usage_ledger WHERE kind = 'search' AND message_id = ? ORDER BY id`)
    .all(messageId) as LedgerRow[];

describe('searches in the usage ledger', () => {
  it('Tavily: one row per search of the answer, each with its fee ($0.008 a basic search)', async () => {
    await use('tavily');
    const ids = await answerSearching('ledger-tavily', 2);
    const rows = searchRows(ids.assistantMessageId);
    expect(rows).toHaveLength(2);
    for (const row of rows)
      expect(row).toMatchObject({
        provider: 'tavily',
        conversation_id: ids.conversationId,
        model: null,
        input_tokens: null,
        outcome: 'ok',
        cost: 0.008,
      });
    // The model calls of the same answer are rows of their own, as before.
    const chats = store.db
      .prepare(`SELECT COUNT(*) AS n FROM usage_ledger WHERE kind = 'chat' AND message_id = ?`)
      .get(ids.assistantMessageId) as { n: number };
    expect(chats.n).toBe(3);
  });

  it('SearXNG and Brave: counted with no fee (null, never 0), a failed search counted too', async () => {
    await use('searxng');
    const free = await answerSearching('ledger-searxng');
    expect(searchRows(free.assistantMessageId)).toMatchObject([
      { provider: 'searxng', outcome: 'ok', cost: null },
    ]);
    await use('brave');
    const failed = await answerSearching('ledger-brave-search_fault=500');
    expect(searchRows(failed.assistantMessageId)).toMatchObject([
      { provider: 'brave', outcome: 'error', cost: null },
    ]);
    const saved = store.messages.get(failed.assistantMessageId)!;
    expect(saved.parts[1]).toMatchObject({ type: 'tool-result', isError: true });
  });

  it('a search stopped by its settings (no key) sent nothing and is not counted', async () => {
    await search.save(
      { ...defaultSearchSettings, provider: 'tavily' },
      { provider: 'tavily', value: '' },
    );
    await search.save({ ...defaultSearchSettings, provider: 'searxng', searxngUrl: '' });
    const ids = await answerSearching('ledger-none');
    expect(searchRows(ids.assistantMessageId)).toEqual([]);
  });

  it('the report counts them apart from model calls, with the known fees in the cost', () => {
    const report = new UsageReporter(store.db).report(rangeOfDays(1, Date.now() + 1, 0));
    expect(report.totals.searches).toBe(4);
    expect(report.totals.unpricedSearches).toBe(2);
    expect(report.totals.searchCost).toBeCloseTo(0.016, 10);
    expect(report.bySearchProvider.map((r) => [r.key, r.searches])).toEqual([
      ['tavily', 2],
      ['brave', 1],
      ['searxng', 1],
    ]);
    expect(report.byModel.every((r) => r.searches === 0)).toBe(true);
  });
});
