/**
 * The loopback redirect of one sign-in (RFC 8252 §7.3, which the MCP authorization spec points
 * native clients to): http://127.0.0.1:<random port>/callback, listening for one answer only. It
 * closes itself after that answer or when the time limit passes, and checks the `state` it was
 * given (RFC 6749 §10.12) so a forged or stale redirect signs nothing in.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UiLanguage } from '../../../shared/locales/languages';
import { said, SaidError, spoken, type Said, type Spoken } from '../../../shared/said';
import { saidIn } from '../../../shared/saidIn';

export interface LoopbackCallback {
  redirectUrl: string;
  /** The authorization code, or a rejection that says why there is none. */
  code: Promise<string>;
  close(): void;
}

/** The page the browser shows, in the language the app's window is in (`lang` for its fonts). */
function page(language: UiLanguage, title: Said, text: Said): string {
  const [heading, body] = [escape(saidIn(language, title)), escape(saidIn(language, text))];
  return (
    `<!doctype html><html lang="${language}"><meta charset="utf-8"><title>${heading}</title>` +
    `<body style="font-family:system-ui;margin:3rem"><h1>${heading}</h1><p>${body}</p></body></html>`
  );
}

function answer(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', connection: 'close' });
  res.end(html);
}

const escape = (text: string) =>
  text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/**
 * Why the answer carries no usable code, or null when it does: a code, so both the app and the
 * browser page say it in the person's language.
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
  /** The window's language when the browser comes back (absent: English). */
  language?: () => UiLanguage;
}): Promise<LoopbackCallback> {
  let settle: { resolve(code: string): void; reject(error: Error): void } | undefined;
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  // Nobody may be waiting yet when it fails (the browser was never opened): no unhandled rejection.
  code.catch(() => undefined);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const language = options.language?.() ?? 'en';
    if (req.method !== 'GET' || url.pathname !== '/callback') {
      const [title, text] = [
        said('tools.oauth.page.notFound'),
        said('tools.oauth.page.onlyAnswer'),
      ];
      answer(res, 404, page(language, title, text));
      return;
    }
    const why = refusal(url.searchParams, options.state);
    if (why) {
      answer(res, 400, page(language, said('tools.oauth.page.failed'), why.said));
      settle?.reject(new SaidError(why));
    } else {
      const [title, text] = [said('tools.oauth.page.signedIn'), said('tools.oauth.page.closeTab')];
      answer(res, 200, page(language, title, text));
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
