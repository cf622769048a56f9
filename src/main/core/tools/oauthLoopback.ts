/**
 * The loopback redirect of one sign-in (RFC 8252 §7.3, which the MCP authorization spec points
 * native clients to): http://127.0.0.1:<random port>/callback, listening for one answer only. It
 * closes itself after that answer or when the time limit passes, and checks the `state` it was
 * given (RFC 6749 §10.12) so a forged or stale redirect signs nothing in.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SaidError, spoken, type Spoken } from '../../../shared/said';

export interface LoopbackCallback {
  redirectUrl: string;
  /** The authorization code, or a rejection that says why there is none. */
  code: Promise<string>;
  close(): void;
}

const PAGE = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title>` +
  `<body style="font-family:system-ui;margin:3rem"><h1>${title}</h1><p>${text}</p></body>`;

function answer(res: ServerResponse, status: number, title: string, text: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', connection: 'close' });
  res.end(PAGE(title, text));
}

const escape = (text: string) =>
  text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/**
 * Why the answer carries no usable code, or null when it does. The app shows it in the person's
 * language (a code); the browser page stays English, it is a page the app does not translate.
 */
function refusal(params: URLSearchParams, state: string): Spoken | null {
  if (params.get('state') !== state) return spoken('tools.oauth.wrongState');
  const error = params.get('error');
  if (error)
    return spoken('tools.oauth.refused', { detail: params.get('error_description') ?? error });
  if (!params.get('code')) return spoken('tools.oauth.noCode');
  return null;
}

export function openLoopbackCallback(options: {
  state: string;
  timeoutMs: number;
}): Promise<LoopbackCallback> {
  let settle: { resolve(code: string): void; reject(error: Error): void } | undefined;
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  // Nobody may be waiting yet when it fails (the browser was never opened): no unhandled rejection.
  code.catch(() => undefined);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== '/callback') {
      answer(res, 404, 'Not found', 'This address only takes the sign-in answer.');
      return;
    }
    const why = refusal(url.searchParams, options.state);
    if (why) {
      answer(res, 400, 'Sign-in failed', escape(why.message));
      settle?.reject(new SaidError(why));
    } else {
      answer(res, 200, 'Signed in', 'Switchboard is signed in. You can close this tab.');
      settle?.resolve(url.searchParams.get('code')!);
    }
    close();
  });
  const limit =
    options.timeoutMs >= 60_000
      ? spoken('tools.oauth.minutes', { minutes: Math.round(options.timeoutMs / 60_000) })
      : spoken('tools.oauth.seconds', {
          seconds: Math.max(1, Math.round(options.timeoutMs / 1000)),
        });
  const timer = setTimeout(() => {
    settle?.reject(new SaidError(spoken('tools.oauth.timedOut', { limit: limit.said })));
    close();
  }, options.timeoutMs);
  function close(): void {
    clearTimeout(timer);
    settle?.reject(new SaidError(spoken('tools.oauth.cancelled')));
    server.close();
    // The answer page is flushed first (connection: close), then idle sockets go.
    server.closeIdleConnections();
  }
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ redirectUrl: `http://127.0.0.1:${port}/callback`, code, close });
    });
  });
}
