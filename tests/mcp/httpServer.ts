/**
 * A Streamable HTTP MCP server on 127.0.0.1 for tests (stateless: one transport per request, as
 * the SDK's README shows), or a legacy SSE-only one (`legacySse`) for the client's fallback.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { testToolServer } from './testTools';

export interface TestHttpServer {
  url: string;
  /** The headers of every request seen (to check that configured headers were sent). */
  seenHeaders: IncomingMessage['headers'][];
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : undefined;
}

function listen(server: Server, path: string, seenHeaders: TestHttpServer['seenHeaders']) {
  return new Promise<TestHttpServer>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}${path}`,
        seenHeaders,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

export function startStreamableHttpServer(): Promise<TestHttpServer> {
  const seenHeaders: TestHttpServer['seenHeaders'] = [];
  const server = createServer((req, res) => {
    seenHeaders.push(req.headers);
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    void (async () => {
      const mcp = testToolServer('http-test');
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      res.on('close', () => void transport.close().then(() => mcp.close()));
      await mcp.connect(transport);
      await transport.handleRequest(req, res, await readJson(req));
    })();
  });
  return listen(server, '/mcp', seenHeaders);
}

/** Only the 2024-11-05 HTTP+SSE transport: GET /sse opens the stream, POST /messages carries calls. */
export function startLegacySseServer(): Promise<TestHttpServer> {
  const seenHeaders: TestHttpServer['seenHeaders'] = [];
  const sessions = new Map<string, SSEServerTransport>();
  const server = createServer((req, res) => {
    seenHeaders.push(req.headers);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/sse') {
      const transport = new SSEServerTransport('/messages', res);
      sessions.set(transport.sessionId, transport);
      res.on('close', () => sessions.delete(transport.sessionId));
      void testToolServer('sse-test').connect(transport);
      return;
    }
    const transport = sessions.get(url.searchParams.get('sessionId') ?? '');
    if (req.method === 'POST' && url.pathname === '/messages' && transport) {
      void readJson(req).then((body) => transport.handlePostMessage(req, res, body));
      return;
    }
    // A POST to /sse (a Streamable HTTP attempt) is refused as such a server would.
    res.writeHead(405).end();
  });
  return listen(server, '/sse', seenHeaders);
}
