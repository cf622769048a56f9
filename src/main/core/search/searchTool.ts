/**
 * The built-in `web_search` tool: offered to the model through the tool loop when the chat's web
 * search switch is on and a search provider is ready, where the model's provider has no search
 * of its own (or the person prefers theirs, and then the provider's own is not sent). It joins
 * the conversation's MCP tools; its calls need no approval unless Settings › Web search asks for
 * it, and its pages become the answer's sources.
 */
import { offersWebSearch } from '../../../shared/webSearch';
import { BUILTIN_SEARCH_SERVER, WEB_SEARCH_TOOL } from '../../../shared/searchChannels';
import type { ToolCallOutcome, ToolInfo } from '../../../shared/tools';
import type { AnswerTools } from '../chat/toolAnswer';
import type { ApprovalAnswer, ToolApprovalRequest, ToolRun } from '../chat/toolLoop';
import type { ProviderTarget } from '../providers/types';
import type { ToolApprovals } from '../tools/toolApprovals';
import type { SearchService } from './SearchService';
import type { SearchTap } from './searchHttp';
import type { UsageWriter } from '../usage/UsageWriter';
import { searchUsageCall } from '../usage/searchUsage';

export function webSearchTool(label: string): ToolInfo {
  return {
    name: WEB_SEARCH_TOOL,
    toolName: WEB_SEARCH_TOOL,
    serverId: BUILTIN_SEARCH_SERVER,
    description: `Searches the web (${label}) and returns the top pages, numbered, each with its title, URL and a snippet. Use it for anything recent or not known to you, and cite the pages you use by their number, like [1].`,
    inputSchema: {
      type: 'object',
      properties: {
        query: {
          type: 'string',
          description: 'What to search for, as words a search engine understands.',
        },
      },
      required: ['query'],
      additionalProperties: false,
    },
  };
}

export interface SearchToolDeps {
  search: SearchService;
  /** The MCP tools (ToolService); absent in tests of search alone. */
  mcp?: AnswerTools | undefined;
  /** Asks the person (the MCP tools' approval cards) when Settings says to ask first. */
  approvals?: Pick<ToolApprovals, 'ask'> | undefined;
  alwaysAllowed?: () => string[];
  /** The step limit when no MCP tool is on (Settings › Tools). */
  maxSteps: () => number;
  /** The usage ledger: each search a row of the answer it was made for (absent: not counted). */
  usage?: Pick<UsageWriter, 'recordCall'> | undefined;
}

const isBuiltin = (tool: ToolInfo) =>
  tool.name === WEB_SEARCH_TOOL && tool.serverId === BUILTIN_SEARCH_SERVER;

/** The answer tools with the built-in web search added where it applies. */
export function answerToolsWithSearch(deps: SearchToolDeps): AnswerTools {
  return {
    ...(deps.mcp?.setOff ? { setOff: (id, off) => deps.mcp?.setOff?.(id, off) } : {}),
    async runFor(conversationId, messageId, answer) {
      const inner = (await deps.mcp?.runFor(conversationId, messageId, answer)) ?? null;
      if (!answer?.request.webSearch) return inner;
      const use = await searchUse(deps.search, answer.target);
      if (!use) return inner;
      return withSearch(deps, inner, use, { conversationId, messageId });
    },
  };
}

/** Whether this call gets the built-in tool, and whether it stands in for the provider's own. */
async function searchUse(search: SearchService, target: ProviderTarget) {
  const label = await search.readyLabel();
  if (!label) return null;
  const native = offersWebSearch(target.profile);
  if (native && !search.settings().preferOverNative) return null;
  return { label, native };
}

function withSearch(
  deps: SearchToolDeps,
  inner: ToolRun | null,
  use: { label: string; native: boolean },
  ids: { conversationId: string; messageId: string },
): ToolRun {
  const tool = webSearchTool(use.label);
  return {
    ...inner,
    tools: [...(inner?.tools ?? []), tool],
    maxSteps: inner?.maxSteps ?? deps.maxSteps(),
    replacesNativeSearch: use.native,
    call: (called, args, signal, tap) =>
      isBuiltin(called)
        ? searchCall(deps, args, { signal, ids }, tap)
        : (inner?.call(called, args, signal, tap) ??
          Promise.resolve({ content: `No tool "${called.name}".`, isError: true })),
    approve: (request, signal) =>
      isBuiltin(request.tool)
        ? approveSearch(deps, request, signal, ids, use.label)
        : (inner?.approve(request, signal) ?? Promise.resolve('deny')),
  };
}

function approveSearch(
  deps: SearchToolDeps,
  request: ToolApprovalRequest,
  signal: AbortSignal,
  ids: { conversationId: string; messageId: string },
  label: string,
): Promise<ApprovalAnswer> {
  const ask = deps.search.settings().askFirst && deps.approvals;
  if (!ask || deps.alwaysAllowed?.().includes(WEB_SEARCH_TOOL)) return Promise.resolve('allow');
  const { name, toolName, serverId, description } = request.tool;
  return ask.ask(
    {
      ...ids,
      callId: request.callId,
      tool: { name, toolName, serverId, description },
      serverName: label,
      arguments: request.arguments,
    },
    signal,
  );
}

async function searchCall(
  deps: Pick<SearchToolDeps, 'search' | 'usage'>,
  args: Record<string, unknown>,
  call: { signal: AbortSignal; ids: { conversationId: string; messageId: string } },
  tap?: SearchTap,
): Promise<ToolCallOutcome> {
  const query = typeof args.query === 'string' ? args.query.trim() : '';
  if (!query)
    return { content: 'web_search needs a "query": the words to search for.', isError: true };
  const found = await deps.search.search(query, call.signal, tap);
  const { hits: _hits, said: _said, sent, ...outcome } = found;
  // Every request that went out is counted, failed ones too (with no fee).
  if (sent) deps.usage?.recordCall(searchUsageCall(sent, call.ids));
  return outcome;
}
