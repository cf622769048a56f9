/**
 * The built-in web_search tool over real loopback HTTP: the chat service's tool loop asks the
 * emulator's model (each dialect), the model calls web_search, the search goes to the emulator's
 * SearXNG, Brave or Tavily endpoint, the numbered results go back to the model, and the pages are
 * stored as the answer's citation parts. Then every fault a search provider can give.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatService } from '../../src/main/core/chat/ChatService';
import { createMemoryPreferences } from '../../src/main/core/preferences/PreferencesStore';
import type { ProviderTarget } from '../../src/main/core/providers/types';
import { SearchService } from '../../src/main/core/search/SearchService';
import { answerToolsWithSearch } from '../../src/main/core/search/searchTool';
import { SecretVault } from '../../src/main/core/secrets/SecretVault';
import { createMemoryKeyStore } from '../../src/main/core/secrets/memoryKeyStore';
import { openStore, type Store } from '../../src/main/core/store/Store';
import { ToolApprovals } from '../../src/main/core/tools/toolApprovals';
import { ToolService } from '../../src/main/core/tools/ToolService';
import type { EventChannel, EventPayloads } from '../../src/shared/ipc';
import { citationParts } from '../../src/shared/messageParts';
import {
  defaultSearchSettings,
  type SearchProvider,
  type SearchSettings,
} from '../../src/shared/searchChannels';
import { startEmulator, type Emulator } from '../emulator/server';
import { emulatorTarget, taggedPrompt } from '../support/engineRun';
import { fixedProfiles } from '../support/fixedProfiles';
import { stdioTestServer } from '../support/mcpServers';

let emulator: Emulator;
let store: Store;
let chat: ChatService;
let search: SearchService;
let approvals: ToolApprovals;
let approvalAnswer: 'once' | 'deny' = 'deny';
const asked: EventPayloads['toolApproval'][] = [];
const keys = { brave: 'brave-0123456789abcdef', tavily: 'tvly-0123456789abcdef' };

beforeAll(async () => {
  emulator = await startEmulator();
  store = openStore({ dataDir: mkdtempSync(join(tmpdir(), 'sb-search-tool-')) });
  search = new SearchService({
    preferences: createMemoryPreferences(),
    vault: new SecretVault(createMemoryKeyStore()),
    endpoints: {
      brave: `${emulator.origin}/brave/res/v1/web/search`,
      tavily: `${emulator.origin}/tavily/search`,
    },
    timeoutMs: 2000,
  });
  const emit = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => {
    if (event !== 'toolApproval') return;
    const request = payload as EventPayloads['toolApproval'];
    asked.push(request);
    setTimeout(() => approvals.answer(request.approvalId, approvalAnswer), 5);
  };
  approvals = new ToolApprovals(emit, () => undefined);
  const responses = emulatorTarget(emulator, 'openai');
  const targets: ProviderTarget[] = [
    emulatorTarget(emulator, 'openai'),
    { ...responses, profile: { ...responses.profile, id: 'responses', api: 'responses' } },
    emulatorTarget(emulator, 'anthropic'),
    emulatorTarget(emulator, 'gemini'),
  ];
  chat = new ChatService({
    store,
    autoTitle: false,
    profiles: fixedProfiles(targets),
    emit,
    tools: answerToolsWithSearch({ search, approvals, maxSteps: () => 10 }),
  });
});
afterAll(async () => {
  store?.close();
  await emulator?.close();
});

async function use(provider: SearchProvider, settings: Partial<SearchSettings> = {}) {
  const chosen = { ...defaultSearchSettings, provider, ...settings };
  if (provider === 'searxng') chosen.searxngUrl = `${emulator.origin}/searxng`;
  const key = provider === 'searxng' ? undefined : { provider, value: keys[provider] };
  await search.save(chosen, key);
}

/** Asks with web search on; the model (the emulator) calls web_search with `query`. */
async function askSearching(profileId: string, query: string, webSearch = true, extra = '') {
  const { prompt, marker } = taggedPrompt(
    `tool=web_search tool_args={"query":"${query}"} ${extra}`.trim(),
  );
  const ids = chat.send({
    text: prompt,
    profileId,
    settings: { model: null, systemPrompt: null, parameters: { webSearch } },
  });
  await chat.idle();
  const saved = store.messages.get(ids.assistantMessageId)!;
  return { saved, marker, ids };
}

const modelCalls = (marker: string) =>
  emulator.requests.filter(
    (r) =>
      r.method === 'POST' && !r.path.includes('search') && JSON.stringify(r.body).includes(marker),
  );

describe.each(['searxng', 'brave', 'tavily'] as const)('%s as the web_search tool', (provider) => {
  it('Chat Completions: the step, the numbered results sent back, the pages as sources', async () => {
    await use(provider);
    const { saved, marker } = await askSearching('openai', `rust-${provider}`);
    expect(saved.parts.map((p) => p.type)).toEqual([
      'tool-call',
      'tool-result',
      'citation',
      'citation',
      'citation',
      'text',
    ]);
    expect(saved.parts[0]).toMatchObject({ name: 'web_search', serverId: '@search' });
    const result = saved.parts[1] as { content: string; isError: boolean };
    expect(result.isError).toBe(false);
    expect(result.content).toContain(`[1] Result 1 for rust-${provider}`);
    expect(result.content).toContain(`URL: https://result1.example/rust-${provider}`);
    expect(citationParts(saved.parts).map((c) => c.url)).toEqual(
      [1, 2, 3].map((n) => `https://result${n}.example/rust-${provider}`),
    );
    // The model read them: its answer quotes the tool result.
    expect(saved.parts.at(-1)).toMatchObject({ type: 'text' });
    expect(JSON.stringify(saved.parts.at(-1))).toContain('Result 2 for');
    expect(saved.finishReason).toBe('stop');
    // The tool as the model was offered it, and the search as the provider received it.
    const first = modelCalls(marker)[0]!.body as { tools: { function: { name: string } }[] };
    expect(first.tools.map((t) => t.function.name)).toEqual(['web_search']);
    const sent = emulator.requests.filter(
      (r) =>
        r.path.startsWith(`/${provider}/`) &&
        (r.url + JSON.stringify(r.body)).includes(`rust-${provider}`),
    );
    expect(sent).toHaveLength(1);
    if (provider === 'brave') expect(sent[0]!.headers['x-subscription-token']).toBe(keys.brave);
    if (provider === 'tavily') {
      expect(sent[0]!.headers.authorization).toBe(`Bearer ${keys.tavily}`);
      expect(sent[0]!.body).toMatchObject({ query: `rust-${provider}`, max_results: 5 });
    }
    // No key in what is stored, nor in what the renderer is told of the settings.
    expect(JSON.stringify(saved)).not.toMatch(/0123456789abcdef/);
    const snapshot = await search.snapshot();
    expect(snapshot.ready).toBe(true);
    expect(JSON.stringify(snapshot)).not.toMatch(/0123456789abcdef/);
  });
});

const dialects = ['responses', 'anthropic', 'gemini'] as const;
const providers = ['searxng', 'brave', 'tavily'] as const;
describe.each(dialects.flatMap((d) => providers.map((p) => [d, p] as const)))(
  '%s with %s, preferring the search provider',
  (profileId, provider) => {
    it('offers web_search as a function instead of its own search tool, and lists the pages', async () => {
      await use(provider, { preferOverNative: true });
      // Streamed one byte per write: the call's arguments arrive in pieces.
      const query = `go-${profileId}-${provider}`;
      const { saved, marker } = await askSearching(profileId, query, true, 'bytes=1');
      expect(saved.parts.filter((p) => p.type === 'tool-call')).toHaveLength(1);
      expect(saved.parts[1]).toMatchObject({ type: 'tool-result', isError: false });
      expect(citationParts(saved.parts).map((c) => c.title)).toEqual(
        [1, 2, 3].map((n) => `Result ${n} for ${query}`),
      );
      expect(saved.finishReason).toBe('stop');
      const calls = modelCalls(marker);
      expect(calls).toHaveLength(2);
      const body = JSON.stringify(calls[0]!.body);
      expect(body).toContain('"web_search"');
      expect(body).not.toMatch(/web_search_20250305|googleSearch|"type":"web_search"/);
      // The second step carried the numbered results back to the model.
      expect(JSON.stringify(calls[1]!.body)).toContain(`[1] Result 1 for ${query}`);
    });
  },
);

describe('when the built-in tool is not offered', () => {
  it('a provider with its own search keeps it unless the person prefers theirs', async () => {
    await use('searxng', { preferOverNative: false });
    const { marker } = await askSearching('anthropic', 'native');
    const body = JSON.stringify(modelCalls(marker)[0]!.body);
    expect(body).toContain('web_search_20250305');
    expect(body).not.toContain('"input_schema"');
  });

  it('the switch off offers no tool at all', async () => {
    await use('searxng');
    const { saved, marker } = await askSearching('openai', 'off', false);
    expect((modelCalls(marker)[0]!.body as { tools?: unknown }).tools).toBeUndefined();
    expect(citationParts(saved.parts)).toHaveLength(0);
  });

  it('no provider ready (a keyed one without its key) offers nothing', async () => {
    await search.save(
      { ...defaultSearchSettings, provider: 'brave' },
      { provider: 'brave', value: '' },
    );
    expect((await search.snapshot()).ready).toBe(false);
    const { marker } = await askSearching('openai', 'nokey');
    expect((modelCalls(marker)[0]!.body as { tools?: unknown }).tools).toBeUndefined();
  });
});

describe('approval', () => {
  it('none by default; with "ask first" the person is asked and a denial is told to the model', async () => {
    await use('searxng', { askFirst: true });
    approvalAnswer = 'deny';
    const before = asked.length;
    const { saved } = await askSearching('openai', 'ask');
    expect(asked.length).toBe(before + 1);
    expect(asked.at(-1)).toMatchObject({ serverName: 'SearXNG', tool: { name: 'web_search' } });
    expect(saved.parts[0]).toMatchObject({ type: 'tool-call', status: 'denied' });
    expect(citationParts(saved.parts)).toHaveLength(0);
    await use('searxng');
    await askSearching('openai', 'noask');
    expect(asked.length).toBe(before + 1);
  });
});

describe('faults, each said plainly to the model and the person', () => {
  const cases: [SearchProvider, string, RegExp][] = [
    [
      'brave',
      '401',
      /^Brave Search refused the key \(401\)\. Check it in Settings › Web search\. It said: "The provided subscription token is invalid\."/,
    ],
    ['tavily', '401', /^Tavily refused the key \(401\)/],
    [
      'brave',
      '429',
      /^Brave Search is limiting searches \(429\): too many in a short time\. Try again in 7 s\./,
    ],
    [
      'tavily',
      '432',
      /^Tavily says this search is over the plan's limit \(432\)\. It said: "This request exceeds/,
    ],
    ['tavily', '500', /^Tavily had a server error \(500\)\. Try again later\./],
    ['searxng', '502', /^SearXNG had a server error \(502\)\. Try again later\.$/],
    [
      'searxng',
      'html',
      /^SearXNG answered 200 with something that is not JSON \(text\/html\): is the URL right\?/,
    ],
    ['brave', 'garbage', /^Brave Search answered 200 with something that is not JSON/],
    [
      'tavily',
      'shape',
      /^Tavily answered with JSON that is not search results \(the answer has no list of results\)\./,
    ],
    ['searxng', 'timeout', /^SearXNG did not answer within 2 s, so the search was given up\./],
  ];
  it.each(cases)('%s %s', async (provider, fault, message) => {
    await use(provider);
    const outcome = await search.search(`q search_fault=${fault}`, new AbortController().signal);
    expect(outcome.isError).toBe(true);
    expect(outcome.content).toMatch(message);
    expect(outcome.content).not.toContain('0123456789abcdef');
  });

  it('a refused key from the keychain (Brave, "-bad-"), through the chat: the answer goes on', async () => {
    await search.save(
      { ...defaultSearchSettings, provider: 'brave' },
      { provider: 'brave', value: 'key-bad-0123' },
    );
    const { saved } = await askSearching('openai', 'refused');
    expect(saved.parts[1]).toMatchObject({ type: 'tool-result', isError: true });
    expect((saved.parts[1] as { content: string }).content).toMatch(/refused the key \(401\)/);
    expect(saved.finishReason).toBe('stop');
    expect(JSON.stringify(saved)).not.toContain('key-bad-0123');
  });

  it('SearXNG without the JSON format (403) says how to turn it on', async () => {
    await search.save({
      ...defaultSearchSettings,
      provider: 'searxng',
      searxngUrl: `${emulator.origin}/searxng`,
    });
    const module = await import('../../src/main/core/search/searxngSearch');
    const request = module.searxngSearch.request('x', 5, {
      base: `${emulator.origin}/searxng`,
      key: null,
    });
    const { runSearchRequest } = await import('../../src/main/core/search/searchHttp');
    const html = { ...request, url: request.url.replace('format=json', 'format=html') };
    const result = await runSearchRequest(module.searxngSearch, html, {
      signal: new AbortController().signal,
      timeoutMs: 5_000,
      scrub: (text) => text,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/403.*search\.formats in its settings\.yml/);
    expect(result.said.code).toBe('search.forbidden.searxng');
  });

  it('an instance that cannot be reached, and a stop while searching', async () => {
    await search.save({
      ...defaultSearchSettings,
      provider: 'searxng',
      searxngUrl: 'http://127.0.0.1:9/',
    });
    const down = await search.search('q', new AbortController().signal);
    expect(down.content).toMatch(/^SearXNG could not be reached \(.+\)\.$/);
    await use('searxng');
    const stop = new AbortController();
    const running = search.search('q search_fault=timeout', stop.signal);
    setTimeout(() => stop.abort(), 50);
    expect((await running).content).toBe('The search was stopped.');
  });

  it('no results is not an error', async () => {
    await use('brave');
    const outcome = await search.search('q search_results=0', new AbortController().signal);
    expect(outcome).toMatchObject({ isError: false, citations: [] });
    expect(outcome.content).toBe('Brave Search found no results for "q search_results=0".');
  });
});

describe('the inspector and the test button', () => {
  it('the tap shows the request with the key struck out, and the answer', async () => {
    await use('brave');
    const seen: string[] = [];
    await search.search('inspect me', new AbortController().signal, (direction, text) =>
      seen.push(`${direction}: ${text}`),
    );
    expect(seen[0]).toMatch(
      /^sent: GET http:\/\/127\.0\.0\.1:\d+\/brave\/res\/v1\/web\/search\?q=inspect\+me&count=5/,
    );
    expect(seen[0]).toContain('x-subscription-token: [redacted]');
    expect(seen[1]).toMatch(/^received: 200 OK\n\{"type":"search"/);
    expect(seen.join('\n')).not.toContain(keys.brave);
  });

  it('Test says how many results came back, or why not', async () => {
    await use('tavily');
    expect(await search.test()).toEqual({
      ok: true,
      message: 'Tavily answered with 3 results.',
      said: { code: 'search.results', params: { name: 'Tavily', count: 3 } },
      results: 3,
    });
    await search.save(
      { ...defaultSearchSettings, provider: 'tavily' },
      { provider: 'tavily', value: 'tvly-bad-1' },
    );
    const refused = await search.test();
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/^Tavily refused the key \(401\)/);
    // The same words as a code (shown in the person's language), the provider's own as a parameter.
    expect(refused.said?.code).toBe('search.keyRefused');
    expect(refused.said?.params?.name).toBe('Tavily');
  });
});

describe('beside MCP tools', () => {
  it('both are offered; an MCP call still goes to its server and web_search to the provider', async () => {
    await use('searxng');
    const tools = new ToolService({
      preferences: createMemoryPreferences(),
      vault: new SecretVault(createMemoryKeyStore()),
      emit: () => undefined,
    });
    await tools.save(stdioTestServer('calc'), {}, {});
    tools.prefs.allowAlways('calc__add');
    const mixed = new ChatService({
      store,
      autoTitle: false,
      profiles: fixedProfiles([emulatorTarget(emulator, 'openai')]),
      emit: () => undefined,
      tools: answerToolsWithSearch({ search, mcp: tools, maxSteps: () => 10 }),
    });
    try {
      const { prompt, marker } = taggedPrompt('tool=add tool_args={"a":2,"b":40}');
      const settings = { model: null, systemPrompt: null, parameters: { webSearch: true } };
      const ids = mixed.send({ text: prompt, settings });
      await mixed.idle();
      const saved = store.messages.get(ids.assistantMessageId)!;
      expect(saved.parts[1]).toMatchObject({ type: 'tool-result', content: 'The sum is 42.' });
      const offered = (modelCalls(marker)[0]!.body as { tools: { function: { name: string } }[] })
        .tools;
      const names = offered.map((t) => t.function.name);
      expect(names).toContain('calc__add');
      expect(names.at(-1)).toBe('web_search');
      expect(names.filter((n) => n === 'web_search')).toHaveLength(1);
    } finally {
      await tools.manager.stopAll();
    }
  });
});
