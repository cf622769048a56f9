/**
 * A Streamable HTTP MCP server behind OAuth, on 127.0.0.1, as the MCP authorization spec lays it
 * out: the MCP server is the resource server (requireBearerAuth, and its protected resource
 * metadata, RFC 9728) and a separate authorization server on its own port runs the SDK's
 * mcpAuthRouter (metadata RFC 8414, registration RFC 7591, authorize, token, revoke) over
 * TestOAuthProvider. The authorization server can be closed alone (a fault test).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import {
  createOAuthMetadata,
  getOAuthProtectedResourceMetadataUrl,
  mcpAuthMetadataRouter,
  mcpAuthRouter,
} from '@modelcontextprotocol/sdk/server/auth/router.js';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { TestOAuthProvider } from './oauthProvider';
import { testToolServer } from './testTools';

export interface OAuthTestServer {
  /** The MCP endpoint (the resource). */
  url: string;
  authorizationServerUrl: string;
  provider: TestOAuthProvider;
  /** Every Authorization header the MCP endpoint was sent. */
  seenAuthorization: (string | undefined)[];
  closeAuthorizationServer(): Promise<void>;
  close(): Promise<void>;
}

const listening = (): Promise<{ server: Server; port: number }> =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.address() as AddressInfo).port }),
    );
  });

const closing = (server: Server): Promise<void> =>
  new Promise((done) => {
    if (!server.listening) return done();
    server.closeAllConnections();
    server.close(() => done());
  });

const noRateLimit = { rateLimit: false as const };

/** Stateless, one transport per request, as tests/mcp/httpServer.ts. */
function mcpHandler(req: IncomingMessage & { body?: unknown }, res: ServerResponse): void {
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'POST' }).end();
    return;
  }
  void (async () => {
    const mcp = testToolServer('oauth-test');
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => void transport.close().then(() => mcp.close()));
    await mcp.connect(transport);
    await transport.handleRequest(req, res, req.body);
  })();
}

export async function startOAuthMcpServer(): Promise<OAuthTestServer> {
  const provider = new TestOAuthProvider();
  const as = await listening();
  const rs = await listening();
  const issuerUrl = new URL(`http://127.0.0.1:${as.port}`);
  const mcpUrl = new URL(`http://127.0.0.1:${rs.port}/mcp`);
  const scopesSupported = ['mcp:tools'];

  const asApp = createMcpExpressApp({ host: '127.0.0.1' });
  asApp.use(
    mcpAuthRouter({
      ...{ provider, issuerUrl, scopesSupported },
      authorizationOptions: noRateLimit,
      clientRegistrationOptions: noRateLimit,
      tokenOptions: noRateLimit,
      revocationOptions: noRateLimit,
    }),
  );
  as.server.on('request', asApp);

  const seenAuthorization: (string | undefined)[] = [];
  const rsApp = createMcpExpressApp({ host: '127.0.0.1' });
  rsApp.use(
    mcpAuthMetadataRouter({
      oauthMetadata: createOAuthMetadata({ provider, issuerUrl, scopesSupported }),
      resourceServerUrl: mcpUrl,
      scopesSupported,
    }),
  );
  rsApp.use('/mcp', (req: IncomingMessage, _res: ServerResponse, next: () => void) => {
    seenAuthorization.push(req.headers.authorization);
    next();
  });
  rsApp.all(
    '/mcp',
    requireBearerAuth({
      verifier: provider,
      resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(mcpUrl),
    }),
    mcpHandler,
  );
  rs.server.on('request', rsApp);

  return {
    url: mcpUrl.href,
    authorizationServerUrl: issuerUrl.href,
    provider,
    seenAuthorization,
    closeAuthorizationServer: () => closing(as.server),
    close: async () => {
      await closing(as.server);
      await closing(rs.server);
    },
  };
}
