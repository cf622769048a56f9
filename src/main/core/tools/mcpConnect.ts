/**
 * Connecting one MCP server with the official SDK client: stdio (a command, its args and env)
 * or Streamable HTTP (a URL and headers), falling back to the legacy HTTP+SSE transport when the
 * server refuses Streamable HTTP's POST with 4xx, as the spec's "Backwards Compatibility" says.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import {
  getDefaultEnvironment,
  StdioClientTransport,
} from '@modelcontextprotocol/sdk/client/stdio.js';
import {
  StreamableHTTPClientTransport,
  StreamableHTTPError,
} from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { ToolServerConfig } from '../../../shared/tools';
import { tapTransport, type WireListener } from './mcpTap';
import type { ServerLog } from './serverLog';

/** A server's config with its secret env and header values read from the keychain. */
export interface ResolvedToolServer extends ToolServerConfig {
  env: Record<string, string>;
  headers: Record<string, string>;
}

const CLIENT_INFO = { name: 'Switchboard', version: '0.1.0' };

function stdioTransport(server: ResolvedToolServer, log: ServerLog): Transport {
  if (!server.command) throw new Error('No command is set for this server.');
  const transport = new StdioClientTransport({
    command: server.command,
    args: server.args ?? [],
    // The SDK's safe default environment (PATH, HOME…) plus the server's own variables.
    env: { ...getDefaultEnvironment(), ...server.env },
    stderr: 'pipe',
    ...(server.cwd ? { cwd: server.cwd } : {}),
  });
  transport.stderr?.on('data', (chunk: Buffer) => log.stderr(chunk.toString('utf8')));
  return transport;
}

function httpUrl(server: ResolvedToolServer): URL {
  try {
    return new URL(server.url ?? '');
  } catch {
    throw new Error(`"${server.url ?? ''}" is not a URL.`);
  }
}

/** Whether a Streamable HTTP failure means "this server speaks only the older SSE transport". */
function offersOnlySse(error: unknown, signingIn: boolean): boolean {
  return (
    error instanceof StreamableHTTPError &&
    error.code !== undefined &&
    error.code >= 400 &&
    error.code < 500 &&
    // A 401/403 after OAuth is a refused sign-in, not an older server.
    !(signingIn && (error.code === 401 || error.code === 403))
  );
}

/** OAuth for a Streamable HTTP server (see mcpOAuth.ts): the provider, and the transport made. */
export interface HttpAuth {
  provider: OAuthClientProvider;
  onTransport?(transport: StreamableHTTPClientTransport): void;
}

async function connectWith(
  transport: Transport,
  log: ServerLog,
  timeoutMs: number,
  wire?: { secrets: string[]; listener: WireListener },
): Promise<Client> {
  if (wire) tapTransport(transport, wire.secrets, wire.listener);
  const client = new Client(CLIENT_INFO);
  // Lines that are not JSON-RPC are reported here (the SDK skips them): shown in the log.
  client.onerror = (error) => log.client(`protocol error: ${error.message}`);
  try {
    await client.connect(transport, { timeout: timeoutMs });
    return client;
  } catch (error) {
    await client.close().catch(() => undefined);
    throw error;
  }
}

/** A connected client, or a thrown error that says why not (the caller adds stderr). */
export async function connectServer(
  server: ResolvedToolServer,
  log: ServerLog,
  timeoutMs: number,
  listener?: WireListener,
  auth?: HttpAuth,
): Promise<Client> {
  // The inspector's tap: every secret value this server was given is struck out of its messages.
  const secrets = [...Object.values(server.env), ...Object.values(server.headers)];
  const wire = listener && { secrets, listener };
  if (server.transport === 'stdio') {
    log.client(`starting: ${[server.command, ...(server.args ?? [])].join(' ')}`);
    return connectWith(stdioTransport(server, log), log, timeoutMs, wire);
  }
  const url = httpUrl(server);
  const requestInit = { headers: server.headers };
  log.client(`connecting: ${url.origin}${url.pathname}`);
  try {
    const authProvider = auth?.provider;
    const transport = new StreamableHTTPClientTransport(url, { requestInit, authProvider });
    auth?.onTransport?.(transport);
    return await connectWith(transport, log, timeoutMs, wire);
  } catch (error) {
    if (!offersOnlySse(error, auth !== undefined)) throw error;
    log.client('Streamable HTTP refused; trying the legacy SSE transport');
    return connectWith(new SSEClientTransport(url, { requestInit }), log, timeoutMs, wire);
  }
}
