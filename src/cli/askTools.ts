/**
 * `ask --mcp-config FILE`: the servers of an `mcpServers` JSON (Claude Desktop's, Cursor's) run
 * for this one question, their tools offered to the model through the app's tool loop.
 * `--approve all|none|ask` answers the approvals: every call, none (the model is told each was
 * denied), or a y/N question on stderr per call. Env and header values stay in memory.
 */
import { readFile } from 'node:fs/promises';
import type { ToolRun } from '../main/core/chat/toolLoop';
import { createMemoryKeyStore } from '../main/core/secrets/memoryKeyStore';
import { SecretVault } from '../main/core/secrets/SecretVault';
import { McpOAuth } from '../main/core/tools/mcpOAuth';
import { parseMcpServersJson } from '../main/core/tools/mcpServersJson';
import { ToolServerManager } from '../main/core/tools/ToolServerManager';
import type { StreamEvent } from '../shared/stream';
import { UsageError, type AskArgs } from './args';

export interface CliTools {
  run: ToolRun;
  close(): Promise<void>;
}

export const DEFAULT_CLI_MAX_STEPS = 10;

async function readConfig(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `--mcp-config ${path}: ${error instanceof Error ? error.message : 'unreadable'}`,
    );
  }
}

/** The servers of the file, started; a server that fails is said on stderr and left out. */
export async function cliTools(
  args: Pick<AskArgs, 'mcpConfig' | 'approve' | 'maxSteps'>,
  io: { stderr(text: string): void; askLine?: (question: string) => Promise<string> },
): Promise<CliTools | null> {
  if (!args.mcpConfig) return null;
  const parsed = parseMcpServersJson(await readConfig(args.mcpConfig));
  if (!parsed.ok) throw new UsageError(`--mcp-config ${args.mcpConfig}: ${parsed.message}`);
  const byId = new Map(parsed.servers.map((server) => [server.config.id, server]));
  const manager = new ToolServerManager({
    servers: () => parsed.servers.map((server) => server.config),
    resolve: (config) => {
      const { env, headers } = byId.get(config.id)!;
      return Promise.resolve({ ...config, env, headers });
    },
    // Never signs in (no browser, nothing kept): an OAuth server is named as such, not failed.
    oauth: new McpOAuth({
      vault: new SecretVault(createMemoryKeyStore()),
      openUrl: () => undefined,
    }),
  });
  const ids = parsed.servers.filter((server) => server.config.enabled).map((s) => s.config.id);
  const tools = await manager.toolsOf(ids);
  for (const status of manager.statuses())
    if (status.state === 'failed')
      io.stderr(`note: tool server ${status.id} failed: ${status.reason}\n`);
    else if (status.state === 'needs-sign-in')
      io.stderr(
        `note: tool server ${status.id} asks for an OAuth sign-in, which ask cannot do; its tools are left out (give it an Authorization header in the file)\n`,
      );
  const run: ToolRun = {
    tools,
    maxSteps: args.maxSteps ?? DEFAULT_CLI_MAX_STEPS,
    raiseLimit: 'with --max-steps',
    call: (tool, callArgs, signal) => manager.call(tool, callArgs, signal),
    approve: async (request) => {
      if (args.approve === 'all') return 'allow';
      if (args.approve === 'none' || !io.askLine) return 'deny';
      const line = await io.askLine(`Run ${request.tool.name} ${request.arguments}? [y/N] `);
      return /^y(es)?$/i.test(line.trim()) ? 'allow' : 'deny';
    },
  };
  return { run, close: () => manager.stopAll() };
}

/** --verbose: each tool step on stderr as it happens. */
export function printToolStep(event: StreamEvent, io: { stderr(text: string): void }): void {
  if (event.type === 'toolCall') io.stderr(`tool call: ${event.name} ${event.arguments}\n`);
  if (event.type === 'toolStatus') io.stderr(`tool ${event.status}: ${event.callId}\n`);
  if (event.type === 'toolResult')
    io.stderr(
      `tool result${event.isError ? ' (error)' : ''}${event.truncated ? ' (cut)' : ''}: ${event.content.slice(0, 500)}\n`,
    );
}
