import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { isInvokeChannel, wireChannel, type EventSink, type IpcHandlers } from '../shared/ipc';
import { dispatch } from '../main/ipc';
import { contentSecurityPolicy } from '../main/security';
import { createRequestFaultLog, type RequestFaultKind } from './requestFaults';
import {
  BRIDGE_PATH,
  MAX_FRAME_BYTES,
  MAX_MESSAGE_CHARS,
  SOCKET_PATH,
  parseChunk,
  type InvokeMessage,
  type ServerMessage,
} from './protocol';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface HarnessServerOptions {
  port: number;
  rendererDir: string;
  bridgeFile: string;
  /** Where a handler's unexpected failure is reported (the crash log); never with its payload. */
  onInternalError?: (channel: string, error: unknown) => void;
  /** Where refused requests are noted (the crash log), a few lines whatever their number. */
  onRequestFault?: (line: string) => void;
}

export interface HarnessServer {
  url: string;
  port: number;
  token: string;
  emit: EventSink;
  attach(handlers: IpcHandlers): void;
  close(): Promise<void>;
}

/**
 * Serves the built renderer on 127.0.0.1 and carries `window.api` over a WebSocket. A socket is
 * accepted only with this run's random token and the page's own Origin and Host, so neither
 * another site in the browser nor a stray local client can drive the app.
 */
export async function startHarnessServer(options: HarnessServerOptions): Promise<HarnessServer> {
  const token = randomBytes(24).toString('base64url');
  let handlers: IpcHandlers | null = null;
  const noteFault = createRequestFaultLog(
    options.onRequestFault ?? ((line) => console.error(line)),
  );
  const server = createServer(
    (req, res) =>
      void serveFile(req, res, options, noteFault).catch((error: unknown) => {
        // Every request gets an answer, even when the renderer's files cannot be read.
        noteFault('file read failed', error instanceof Error ? error.message : String(error));
        if (res.headersSent) res.destroy();
        else res.writeHead(500).end();
      }),
  );
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolvePromise());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  server.on('upgrade', (req, socket, head) => {
    if (!isAllowedUpgrade(req, token, origin)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws));
  });

  sockets.on('connection', (ws: WebSocket) => {
    const assemble = chunkAssembler((id) =>
      sendTo(ws, {
        type: 'result',
        id,
        result: {
          ok: false,
          error: { code: 'invalid_request', message: 'The request is too large to send.' },
        },
      }),
    );
    ws.on('message', async (data) => {
      const text = assemble(String(data));
      if (text === null) return;
      const message = parseInvoke(text);
      if (!message) return;
      const send = (result: unknown) => sendTo(ws, { type: 'result', id: message.id, result });
      const channel = message.channel.replace(/^switchboard:/, '');
      if (!handlers || !isInvokeChannel(channel) || wireChannel(channel) !== message.channel) {
        send({ ok: false, error: { code: 'unknown_channel', message: 'No such channel.' } });
        return;
      }
      // The socket was authenticated at upgrade: its sender is the app's own page.
      send(
        await dispatch(channel, { senderFrame: { url: origin } }, message.payload, handlers, {
          isTrustedSender: (event) => event.senderFrame?.url === origin,
          onInternalError:
            options.onInternalError ??
            ((name, error) => console.error(`[harness] ${name} failed:`, error)),
        }),
      );
    });
  });

  const emit: EventSink = (event, payload) => {
    const message: ServerMessage = { type: 'event', channel: wireChannel(event), payload };
    for (const client of sockets.clients) sendTo(client, message);
  };

  return {
    url: `${origin}/#token=${token}`,
    port,
    token,
    emit,
    attach(table) {
      handlers = table;
    },
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/**
 * Joins the pieces of chunked invokes (protocol.ts); whole frames pass through. Returns the
 * invoke's text when it is complete, else null. A message past the cap is dropped and answered.
 */
function chunkAssembler(tooLarge: (id: number) => void): (frame: string) => string | null {
  const partial = new Map<number, { parts: string[]; chars: number }>();
  return (frame) => {
    const chunk = parseChunk(frame);
    if (!chunk) return frame;
    const entry = partial.get(chunk.id) ?? { parts: [], chars: 0 };
    entry.parts.push(chunk.data);
    entry.chars += chunk.data.length;
    if (entry.chars > MAX_MESSAGE_CHARS) {
      partial.delete(chunk.id);
      // Later pieces of it start a new entry that is dropped the same way.
      if (chunk.last) tooLarge(chunk.id);
      else partial.set(chunk.id, { parts: [], chars: Number.POSITIVE_INFINITY });
      return null;
    }
    if (!chunk.last) {
      partial.set(chunk.id, entry);
      return null;
    }
    partial.delete(chunk.id);
    return entry.parts.join('');
  };
}

function isAllowedUpgrade(req: IncomingMessage, token: string, origin: string): boolean {
  const url = new URL(req.url ?? '/', origin);
  if (url.pathname !== SOCKET_PATH) return false;
  if (req.headers.origin !== origin || req.headers.host !== origin.slice('http://'.length))
    return false;
  const given = Buffer.from(url.searchParams.get('token') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function parseInvoke(text: string): InvokeMessage | null {
  try {
    const value = JSON.parse(text) as Partial<InvokeMessage>;
    if (
      value.type !== 'invoke' ||
      typeof value.id !== 'number' ||
      typeof value.channel !== 'string'
    )
      return null;
    return value as InvokeMessage;
  } catch {
    return null;
  }
}

function sendTo(ws: WebSocket, message: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

async function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  options: HarnessServerOptions,
  noteFault: (kind: RequestFaultKind, detail: string) => void,
): Promise<void> {
  const headers = {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, headers).end();
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    // `GET /%`: no file has that name; answered at once, before any token is asked for.
    noteFault('malformed URL', JSON.stringify(req.url ?? ''));
    res.writeHead(400, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Bad request: the URL is not valid.');
    return;
  }
  if (pathname === BRIDGE_PATH) {
    res.writeHead(200, { ...headers, 'Content-Type': contentTypes['.js'] });
    createReadStream(options.bridgeFile).pipe(res);
    return;
  }
  if (pathname === '/' || pathname === '/index.html') {
    const html = await readFile(join(options.rendererDir, 'index.html'), 'utf8');
    // The bridge must define window.api before the app's module runs: module scripts run in order.
    const page = html.replace(
      '<head>',
      `<head>\n    <script type="module" src="${BRIDGE_PATH}"></script>`,
    );
    res.writeHead(200, { ...headers, 'Content-Type': contentTypes['.html'] }).end(page);
    return;
  }
  const root = resolve(options.rendererDir);
  const file = resolve(root, normalize(pathname).replace(/^[/\\]+/, ''));
  if (!file.startsWith(root + sep)) {
    res.writeHead(404, headers).end();
    return;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    res.writeHead(200, {
      ...headers,
      'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
    });
    createReadStream(file).pipe(res);
  } catch {
    res.writeHead(404, headers).end();
  }
}
