/**
 * `cli ask --web-search` as a real process over the emulator: the search provider of the app's
 * Settings › Web search (its preferences file), the built-in web_search tool through the tool
 * loop, the pages as the answer's sources, each search a `cli-search` row of the usage history;
 * a search provider that is not set up refuses the flag (exit 2) in the app's words.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConfPreferences } from '../../src/main/core/preferences/confPreferences';
import { defaultSearchSettings, type SearchSettings } from '../../src/shared/searchChannels';
import { startEmulator, type Emulator } from '../emulator/server';
import { runCli, type CliRun } from '../support/cliProcess';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

/** A fresh app folder whose Settings › Web search holds `settings`. */
function appFolder(settings: Partial<SearchSettings>): string {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-cli-search-'));
  openConfPreferences(dir).store.set('search.settings', { ...defaultSearchSettings, ...settings });
  return dir;
}

function cli(dir: string, args: string[]): Promise<CliRun> {
  return runCli(['ask', '--provider', 'openai', '--model', 'emu-1', '--web-search', ...args], {
    SWITCHBOARD_CONFIG_DIR: dir,
    // A keychain service of this test's own: never the person's entries.
    SWITCHBOARD_KEYCHAIN_SERVICE: `switchboard-test-${process.pid}`,
    OPENAI_BASE_URL: emulator.url,
    OPENAI_API_KEY: 'sk-cli-search-0001',
  });
}

function ledger(dir: string) {
  const db = new Database(join(dir, 'switchboard.db'), { readonly: true });
  try {
    return db
      .prepare('SELECT kind, provider, model, outcome, cost FROM usage_ledger ORDER BY id')
      .all() as { kind: string; provider: string; model: string | null; outcome: string }[];
  } finally {
    db.close();
  }
}

describe('cli ask --web-search', () => {
  it('searches with the app’s SearXNG, lists the pages as sources and counts the search', async () => {
    const dir = appFolder({ provider: 'searxng', searxngUrl: `${emulator.origin}/searxng` });
    const prompt = 'News? [tool=web_search tool_args={"query":"cli-news"}]';
    const run = await cli(dir, ['--json', prompt]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      text: string;
      toolCalls: { name: string; serverId: string }[];
      sources: { title: string; url: string }[];
    };
    expect(result.toolCalls).toMatchObject([{ name: 'web_search', serverId: '@search' }]);
    expect(result.text).toContain('Result 1 for cli-news');
    expect(result.sources.map((s) => s.url)).toEqual(
      [1, 2, 3].map((n) => `https://result${n}.example/cli-news`),
    );
    const searched = emulator.requests.filter(
      (r) => r.path.startsWith('/searxng/') && r.url.includes('cli-news'),
    );
    expect(searched).toHaveLength(1);
    // Two model calls (the search asked for, then the answer) and the search, no fee known.
    expect(ledger(dir)).toEqual([
      { kind: 'cli-ask', provider: 'openai', model: 'emu-1', outcome: 'tool_calls', cost: null },
      { kind: 'cli-ask', provider: 'openai', model: 'emu-1', outcome: 'stop', cost: null },
      { kind: 'cli-search', provider: 'searxng', model: null, outcome: 'ok', cost: null },
    ]);
  });

  it('without --json the sources follow the answer on stdout', async () => {
    const dir = appFolder({ provider: 'searxng', searxngUrl: `${emulator.origin}/searxng` });
    const run = await cli(dir, [
      '--no-record',
      'Q [tool=web_search tool_args={"query":"cli-plain"}]',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '\nSources:\n[1] Result 1 for cli-plain <https://result1.example/cli-plain>\n',
    );
  });

  it('a search that fails goes back to the model as the tool’s error, and is counted', async () => {
    const dir = appFolder({ provider: 'searxng', searxngUrl: `${emulator.origin}/searxng` });
    const prompt = 'Q [tool=web_search tool_args={"query":"cli-search_fault=500"}]';
    const run = await cli(dir, ['--json', prompt]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      toolResults: { isError: boolean; content: string }[];
    };
    expect(result.toolResults[0]).toMatchObject({ isError: true });
    expect(result.toolResults[0]!.content).toMatch(/SearXNG had a server error \(500\)/);
    expect(ledger(dir).filter((r) => r.kind === 'cli-search')).toMatchObject([
      { provider: 'searxng', outcome: 'error', cost: null },
    ]);
  });

  it('anthropic: its own search tool, no search provider needed; web_search where SearXNG is preferred', async () => {
    const anthropic = (dir: string, prompt: string) =>
      runCli(
        [
          'ask',
          '--provider',
          'anthropic',
          '--model',
          'claude-sonnet-4-5',
          '--web-search',
          '--json',
          prompt,
        ],
        {
          SWITCHBOARD_CONFIG_DIR: dir,
          SWITCHBOARD_KEYCHAIN_SERVICE: `switchboard-test-${process.pid}`,
          ANTHROPIC_BASE_URL: emulator.origin,
          ANTHROPIC_API_KEY: 'sk-ant-cli-search-0002',
        },
      );
    const own = await anthropic(appFolder({ provider: 'none' }), 'Latest? [marker=cli-native]');
    expect(own.code).toBe(0);
    const body = emulator.requests.find((r) => JSON.stringify(r.body).includes('cli-native'))!.body;
    expect(JSON.stringify(body)).toContain('web_search_20250305');
    const result = JSON.parse(own.stdout) as { sources: { url: string }[]; toolCalls?: unknown };
    expect(result.sources.map((s) => s.url)).toEqual([
      'https://source1.example/page?n=1',
      'https://source2.example/page?n=2',
    ]);
    expect(result.toolCalls).toBeUndefined();

    const dir = appFolder({
      provider: 'searxng',
      searxngUrl: `${emulator.origin}/searxng`,
      preferOverNative: true,
    });
    const preferred = await anthropic(
      dir,
      'Q [tool=web_search tool_args={"query":"cli-preferred"}]',
    );
    expect(preferred.code).toBe(0);
    const first = emulator.requests.find((r) => JSON.stringify(r.body).includes('cli-preferred'))!;
    expect(JSON.stringify(first.body)).not.toContain('web_search_20250305');
    expect(JSON.parse(preferred.stdout)).toMatchObject({
      toolCalls: [{ name: 'web_search', serverId: '@search' }],
    });
  });

  it('no search provider set up: exit 2 with the app’s words, nothing sent', async () => {
    const before = emulator.requests.length;
    const none = await cli(appFolder({ provider: 'none' }), ['Q']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(
      '--web-search: No search provider is set (Settings › Web search).',
    );
    const keyless = await cli(appFolder({ provider: 'brave' }), ['Q']);
    expect(keyless.code).toBe(2);
    // With a keychain (scripts/with-keyring.sh) the key is missing; without one it cannot be read.
    expect(keyless.stderr).toMatch(
      /--web-search: (No Brave Search key is set|The Brave Search key could not be read: the keychain could not be reached)/,
    );
    expect(emulator.requests.length).toBe(before);
  });
});
