import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedHop {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

export interface RedirectServer {
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  /** Every request it received, with its headers, in order. */
  hops: RecordedHop[];
  close(): Promise<void>;
}

/**
 * A server on 127.0.0.1 that only redirects, for tests of what follows a redirect:
 * `/rNNN/REST` answers status NNN with `Location: TARGET/REST` (another origin), and
 * `/same/rNNN/REST` first redirects to `/rNNN/REST` on itself (a same-origin hop).
 */
export async function startRedirectServer(targetOrigin: string): Promise<RedirectServer> {
  const hops: RecordedHop[] = [];
  const server = createServer((req, res) => {
    hops.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    req.resume();
    req.on('end', () => {
      const url = req.url ?? '/';
      const same = /^\/same(\/r\d{3}\/.*)$/.exec(url);
      if (same?.[1]) {
        res.writeHead(307, { location: same[1] }).end();
        return;
      }
      const away = /^\/r(30[1-8])\/(.*)$/.exec(url);
      if (!away?.[1]) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('no such redirect');
        return;
      }
      res.writeHead(Number(away[1]), { location: `${targetOrigin}/${away[2] ?? ''}` }).end('moved');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hops,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
