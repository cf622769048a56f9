import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, appSchemePrivileges, resolveAppFile } from './appScheme';
import { contentSecurityPolicy } from './security';

/** Before the app is ready (Electron reads scheme privileges once, at start). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: appSchemePrivileges }]);
}

/** Serves `app://switchboard/…` from the built renderer folder `root`, and nothing else. */
export function serveAppFiles(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = resolveAppFile(request.url, root, request.method);
    if (!answer.ok) return new Response(answer.reason, { status: answer.status });
    const body = request.method === 'HEAD' ? null : await readFile(answer.file);
    return new Response(body, {
      headers: {
        'Content-Type': answer.mimeType,
        'X-Content-Type-Options': 'nosniff',
        // The same policy hardenSession adds, here too in case webRequest does not see this scheme.
        'Content-Security-Policy': contentSecurityPolicy,
      },
    });
  });
}
