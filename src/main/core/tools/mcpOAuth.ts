/**
 * OAuth for Streamable HTTP MCP servers, as the MCP authorization spec has it: the server answers
 * 401, the SDK discovers its authorization server (RFC 9728, RFC 8414), registers (RFC 7591) and
 * builds the PKCE authorization URL; the person signs in in their browser; the loopback redirect
 * brings the code back and `transport.finishAuth(code)` trades it for tokens. Connects that may
 * not ask the person (launch, a chat, a call) never open a browser: they end in "needs sign-in".
 */
import { randomBytes } from 'node:crypto';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import type { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SaidError, spoken } from '../../../shared/said';
import type { UiLanguage } from '../../../shared/locales/languages';
import type { KnownSecrets } from '../secrets/KnownSecrets';
import type { HttpAuth, ResolvedToolServer } from './mcpConnect';
import {
  forgetOAuth,
  McpOAuthProvider,
  SignInNeededError,
  type OAuthVault,
} from './mcpOAuthProvider';
import { openLoopbackCallback } from './oauthLoopback';

/** Never followed: connects without a person use it only because the SDK needs one. */
const NO_REDIRECT = 'http://127.0.0.1/callback';
const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

export interface McpOAuthOptions {
  vault: OAuthVault;
  /** Opens the authorization URL: the browser in the app; tests and the harness follow or print it. */
  openUrl(url: string): void | Promise<void>;
  known?: KnownSecrets;
  /** How long a sign-in waits for the browser's answer (default 5 min). */
  signInTimeoutMs?: number;
  /** The window's language: the browser's "Signed in" page speaks it (absent: English). */
  uiLanguage?: () => UiLanguage;
}

/** A connect that could not go on without the person: "needs sign-in", not "failed". */
export function wantsSignIn(error: unknown): boolean {
  return error instanceof SignInNeededError || error instanceof UnauthorizedError;
}

/** Whether OAuth applies: Streamable HTTP without an Authorization header of its own. */
export function usesOAuth(server: ResolvedToolServer): boolean {
  return (
    server.transport === 'http' &&
    !Object.keys(server.headers).some((name) => name.toLowerCase() === 'authorization')
  );
}

type Connect = (auth: HttpAuth) => Promise<Client>;

export class McpOAuth {
  /** Servers holding tokens (true) or wanting sign-in (false); absent: OAuth not seen to apply. */
  private readonly signedIn = new Map<string, boolean>();

  constructor(private readonly options: McpOAuthOptions) {}

  isSignedIn(serverId: string): boolean | undefined {
    return this.signedIn.get(serverId);
  }

  /** A connect that may not ask the person: stored tokens, refreshed when refused, or SignInNeeded. */
  async background(server: ResolvedToolServer, connect: Connect): Promise<Client> {
    const serverId = server.id;
    const provider = this.provider(server, NO_REDIRECT, false);
    // Known before the first 401, so Settings can offer Sign out for a server that never refuses.
    if (!this.signedIn.has(serverId) && (await provider.tokens()))
      this.signedIn.set(serverId, true);
    try {
      return await connect({ provider });
    } catch (error) {
      if (wantsSignIn(error)) this.signedIn.set(serverId, false);
      throw error;
    }
  }

  /**
   * Signs in (when the stored tokens do not do): opens the loopback redirect, the browser on the
   * authorization URL, waits for the code, finishes, and connects again with the new tokens.
   */
  async signIn(
    server: ResolvedToolServer,
    connect: Connect,
    onUrl?: (url: string) => void,
    signal?: AbortSignal,
  ): Promise<Client> {
    // A sign-in asked for means OAuth applies: a failed one still offers Sign in again.
    if (!this.signedIn.get(server.id)) this.signedIn.set(server.id, false);
    const state = randomBytes(16).toString('base64url');
    const timeoutMs = this.options.signInTimeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS;
    const language = this.options.uiLanguage;
    const loopback = await openLoopbackCallback({
      state,
      timeoutMs,
      ...(language && { language }),
    });
    // Stopped, restarted or removed while waiting: the listener goes and the wait ends.
    signal?.addEventListener('abort', () => loopback.close());
    let redirected = false;
    const provider = this.provider(server, loopback.redirectUrl, true, state, async (url) => {
      // The address comes from the server's metadata: only a web page may reach the browser.
      if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new SaidError(spoken('tools.oauth.notWebPage', { protocol: url.protocol }));
      redirected = true;
      onUrl?.(url.href);
      await this.options.openUrl(url.href);
    });
    let transport: StreamableHTTPClientTransport | undefined;
    try {
      try {
        return await connect({ provider, onTransport: (made) => (transport = made) });
      } catch (error) {
        if (!(error instanceof UnauthorizedError) || !redirected || !transport) throw error;
      }
      const code = await loopback.code;
      await transport.finishAuth(code);
      // The new transport asks the same provider, which holds the new tokens now.
      return await connect({ provider });
    } finally {
      loopback.close();
    }
  }

  /** Forgets the server's tokens, registered client, verifier and discovery state. */
  async signOut(serverId: string): Promise<void> {
    await forgetOAuth(this.options.vault, serverId);
    this.signedIn.set(serverId, false);
  }

  /** On removal of a server: forgotten, and no longer known here. */
  async forget(serverId: string): Promise<void> {
    await forgetOAuth(this.options.vault, serverId);
    this.signedIn.delete(serverId);
  }

  private provider(
    server: ResolvedToolServer,
    redirectUrl: string,
    interactive: boolean,
    state?: string,
    onAuthorizationUrl?: (url: URL) => Promise<void>,
  ): McpOAuthProvider {
    return new McpOAuthProvider({
      vault: this.options.vault,
      serverId: server.id,
      serverUrl: server.url ?? '',
      redirectUrl,
      interactive,
      ...(state ? { state } : {}),
      ...(onAuthorizationUrl ? { onAuthorizationUrl } : {}),
      ...(this.options.known ? { known: this.options.known } : {}),
      onSignedIn: (signedIn) => this.signedIn.set(server.id, signedIn),
    });
  }
}
