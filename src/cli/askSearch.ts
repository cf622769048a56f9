/**
 * `ask --web-search`: web search the way the app offers it. Where the model's provider has its own
 * search tool (and Settings › Web search does not prefer the person's provider), that tool is
 * switched on; elsewhere the built-in web_search tool runs through the tool loop over the search
 * provider of the app's settings, with the same preferences file and keychain entries. Each search
 * is counted in the usage history (kind `cli-search`) with the answer's calls.
 */
import { type ToolRun } from '../main/core/chat/toolLoop';
import { appConfigDir } from '../main/core/preferences/appConfigDir';
import { openConfPreferences } from '../main/core/preferences/confPreferences';
import type { ChatRequest, ProviderTarget } from '../main/core/providers/types';
import { SearchService } from '../main/core/search/SearchService';
import { answerToolsWithSearch } from '../main/core/search/searchTool';
import { keychainServiceFrom } from '../main/core/secrets/KeyStore';
import { createKeytarKeyStore } from '../main/core/secrets/keytarKeyStore';
import { SecretVault } from '../main/core/secrets/SecretVault';
import type { UsageCall } from '../main/core/store/UsageLedger';
import { offersWebSearch } from '../shared/webSearch';
import { UsageError, type AskArgs } from './args';
import { DEFAULT_CLI_MAX_STEPS, type CliTools } from './askTools';

export interface CliSearch {
  /** The run the tool loop takes (MCP tools and web_search), or null when no loop is needed. */
  run: ToolRun | null;
  /** The request as sent: the provider's own search on, or off where web_search stands in. */
  request: ChatRequest;
  /** The searches made, as usage rows (written with the answer's calls). */
  searches: UsageCall[];
}

/** The app's search settings and keys, as the app reads them. */
function appSearch(env: NodeJS.ProcessEnv, stderr: (text: string) => void): SearchService {
  const opened = openConfPreferences(appConfigDir(env));
  if (opened.notice) stderr(`note: ${opened.notice.message}\n`);
  const vault = new SecretVault(
    createKeytarKeyStore({ service: keychainServiceFrom(env), timeoutMs: 3000 }),
  );
  return new SearchService({ preferences: opened.store, vault });
}

/** With --web-search: the tool run and request for this question; refused (exit 2) when none can search. */
export async function cliSearch(
  args: Pick<AskArgs, 'webSearch' | 'approve' | 'maxSteps'>,
  call: { target: ProviderTarget; request: ChatRequest; mcp: CliTools | null },
  io: {
    env: NodeJS.ProcessEnv;
    stderr(text: string): void;
    askLine?: (q: string) => Promise<string>;
  },
): Promise<CliSearch> {
  const { target, mcp } = call;
  if (!args.webSearch) return { run: mcp?.run ?? null, request: call.request, searches: [] };
  const search = appSearch(io.env, io.stderr);
  const settings = search.settings();
  const native = offersWebSearch(target.profile) && !settings.preferOverNative;
  const notReady = native ? null : await search.notReady();
  if (notReady) throw new UsageError(`--web-search: ${notReady.message}`);
  const searches: UsageCall[] = [];
  const tools = answerToolsWithSearch({
    search,
    mcp: { runFor: () => Promise.resolve(mcp?.run ?? null) },
    // Settings › Web search's "ask first" is answered the way --approve answers MCP calls.
    approvals: { ask: (request) => approveSearch(args.approve, request.arguments, io.askLine) },
    maxSteps: () => args.maxSteps ?? DEFAULT_CLI_MAX_STEPS,
    // No stored answer to point at: the rows are the CLI's, like its calls.
    usage: {
      recordCall: (row) =>
        searches.push({ ...row, kind: 'cli-search', conversationId: null, messageId: null }),
    },
  });
  const request = { ...call.request, webSearch: true };
  const run = await tools.runFor('', '', { target, request });
  if (!run) return { run: null, request, searches };
  return {
    run: { ...run, raiseLimit: 'with --max-steps' },
    request: run.replacesNativeSearch ? { ...request, webSearch: false } : request,
    searches,
  };
}

async function approveSearch(
  approve: AskArgs['approve'],
  argumentsText: string,
  askLine?: (question: string) => Promise<string>,
): Promise<'allow' | 'deny'> {
  if (approve === 'all') return 'allow';
  if (approve === 'none' || !askLine) return 'deny';
  const line = await askLine(`Run web_search ${argumentsText}? [y/N] `);
  return /^y(es)?$/i.test(line.trim()) ? 'allow' : 'deny';
}
