/** Configs for the test MCP servers in tests/mcp/, as the manager and the tool loop take them. */
import { fileURLToPath } from 'node:url';
import type { ToolServerConfig } from '../../src/shared/tools';
import type { ResolvedToolServer } from '../../src/main/core/tools/mcpConnect';

export const stdioServerScript = fileURLToPath(new URL('../mcp/stdioServer.ts', import.meta.url));

/** The stdio test server run by this very Node with tsx, in one of its modes. */
export function stdioTestServer(id: string, mode = 'ok', name = id): ToolServerConfig {
  return {
    id,
    name,
    enabled: true,
    transport: 'stdio',
    command: process.execPath,
    args: ['--import', 'tsx', stdioServerScript, ...(mode === 'ok' ? [] : [mode])],
    envNames: [],
    headerNames: [],
  };
}

export function httpTestServer(
  id: string,
  url: string,
  headerNames: string[] = [],
): ToolServerConfig {
  return { id, name: id, enabled: true, transport: 'http', url, envNames: [], headerNames };
}

/** Resolves configs with fixed secret values (what the keychain would hold). */
export function resolveWith(secrets: Record<string, string> = {}) {
  return (config: ToolServerConfig): Promise<ResolvedToolServer> =>
    Promise.resolve({
      ...config,
      env: Object.fromEntries(config.envNames.map((name) => [name, secrets[name] ?? ''])),
      headers: Object.fromEntries(config.headerNames.map((name) => [name, secrets[name] ?? ''])),
    });
}
