import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type FileStat } from 'webdav';
import { v2 as webdav } from 'webdav-server';

export interface DavServer {
  url: string;
  /** Every file under the root, path → bytes (what anyone with the server's disk could read). */
  files(): Promise<Map<string, Buffer>>;
  /** A request this answers true for has its connection cut before the server reads it. */
  cut: ((method: string, path: string) => boolean) | null;
  /** Called on each request; return true to stop the whole server there (it "goes away"). */
  dieOn: ((method: string, path: string) => boolean) | null;
  /** A request this answers a promise for waits until it settles (another machine's turn). */
  hold: ((method: string, path: string) => Promise<void> | null) | null;
  requests: string[];
  stop(): Promise<void>;
  /** Starts it again on the same port with the same files. */
  restart(): Promise<void>;
}

/**
 * A real WebDAV server (webdav-server v2, files in memory) on 127.0.0.1 with basic auth, for
 * sync tests; faults are injected by cutting a request's connection.
 */
export async function startDavServer(user = 'sam', password = 'dav-secret'): Promise<DavServer> {
  const users = new webdav.SimpleUserManager();
  const account = users.addUser(user, password, false);
  const privileges = new webdav.SimplePathPrivilegeManager();
  privileges.setRights(account, '/', ['all']);
  const server = new webdav.WebDAVServer({
    hostname: '127.0.0.1',
    port: 0,
    httpAuthentication: new webdav.HTTPBasicAuthentication(users, 'Switchboard tests'),
    privilegeManager: privileges,
  });
  let http: Server = await server.startAsync(0);
  const port = (http.address() as AddressInfo).port;
  const dav: DavServer = {
    url: `http://127.0.0.1:${port}`,
    cut: null,
    dieOn: null,
    hold: null,
    requests: [],
    files: () => listFiles(`http://127.0.0.1:${port}`, user, password),
    async stop() {
      const closing = server.stopAsync();
      http.closeAllConnections();
      await closing;
    },
    async restart() {
      http = await server.startAsync(port);
    },
  };
  server.beforeRequest((arg, next) => {
    const method = arg.request.method ?? '';
    const path = decodeURIComponent(arg.requested.uri);
    dav.requests.push(`${method} ${path}`);
    if (dav.dieOn?.(method, path)) {
      arg.request.socket.destroy();
      void dav.stop();
      return;
    }
    if (dav.cut?.(method, path)) {
      arg.request.socket.destroy();
      return;
    }
    const wait = dav.hold?.(method, path);
    if (wait) void wait.then(() => next());
    else next();
  });
  return dav;
}

/** Read back over WebDAV itself, as anyone with the account could. */
async function listFiles(
  url: string,
  user: string,
  password: string,
): Promise<Map<string, Buffer>> {
  const client = createClient(url, { username: user, password });
  const files = new Map<string, Buffer>();
  // Depth 1 at a time: the server refuses PROPFIND with infinite depth.
  const walk = async (dir: string): Promise<void> => {
    const entries = (await client.getDirectoryContents(dir)) as FileStat[];
    for (const entry of entries.sort((x, y) => (x.filename < y.filename ? -1 : 1))) {
      if (entry.type === 'directory') await walk(entry.filename);
      else
        files.set(
          entry.filename,
          Buffer.from((await client.getFileContents(entry.filename)) as ArrayBuffer),
        );
    }
  };
  await walk('/');
  return files;
}
