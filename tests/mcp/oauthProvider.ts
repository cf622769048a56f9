/**
 * A small in-memory OAuth authorization server provider for tests, modelled on the SDK's
 * examples/server/demoInMemoryOAuthProvider.js, with what the demo leaves out: refresh tokens
 * (rotated), and levers to expire or revoke every token. "The person" approves at once: the
 * authorize step redirects straight back with a code, so a test signs in by following the URL.
 */
import { randomBytes } from 'node:crypto';
import type { OAuthRegisteredClientsStore } from '@modelcontextprotocol/sdk/server/auth/clients.js';
import {
  InvalidGrantError,
  InvalidRequestError,
  InvalidTokenError,
} from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type {
  AuthorizationParams,
  OAuthServerProvider,
} from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type {
  OAuthClientInformationFull,
  OAuthTokens,
} from '@modelcontextprotocol/sdk/shared/auth.js';

const hex = () => randomBytes(16).toString('hex');

interface Grant {
  clientId: string;
  expiresAt: number;
  resource?: string;
}

export class TestOAuthProvider implements OAuthServerProvider {
  private readonly clients = new Map<string, OAuthClientInformationFull>();
  private readonly codes = new Map<string, { clientId: string; params: AuthorizationParams }>();
  private readonly access = new Map<string, Grant>();
  private readonly refresh = new Map<string, Grant>();
  /** Every token handed out, so a test can look for them where they must not be. */
  readonly issued: string[] = [];
  readonly counts = { registrations: 0, authorizations: 0, codeExchanges: 0, refreshes: 0 };
  accessTtlMs = 3_600_000;

  readonly clientsStore: OAuthRegisteredClientsStore = {
    getClient: (id) => Promise.resolve(this.clients.get(id)),
    registerClient: (client) => {
      const full = client as OAuthClientInformationFull;
      this.counts.registrations++;
      this.clients.set(full.client_id, full);
      return Promise.resolve(full);
    },
  };

  authorize(
    client: OAuthClientInformationFull,
    params: AuthorizationParams,
    res: { redirect(url: string): void },
  ): Promise<void> {
    if (!client.redirect_uris.includes(params.redirectUri))
      throw new InvalidRequestError('Unregistered redirect_uri');
    this.counts.authorizations++;
    const code = hex();
    this.codes.set(code, { clientId: client.client_id, params });
    const target = new URL(params.redirectUri);
    target.searchParams.set('code', code);
    if (params.state !== undefined) target.searchParams.set('state', params.state);
    res.redirect(target.href);
    return Promise.resolve();
  }

  challengeForAuthorizationCode(_client: OAuthClientInformationFull, code: string) {
    const grant = this.codes.get(code);
    if (!grant) throw new InvalidGrantError('Unknown authorization code');
    return Promise.resolve(grant.params.codeChallenge);
  }

  exchangeAuthorizationCode(client: OAuthClientInformationFull, code: string) {
    const grant = this.codes.get(code);
    if (!grant || grant.clientId !== client.client_id)
      throw new InvalidGrantError('Unknown authorization code');
    this.codes.delete(code);
    this.counts.codeExchanges++;
    return Promise.resolve(this.issue(client.client_id, grant.params.resource?.href));
  }

  exchangeRefreshToken(client: OAuthClientInformationFull, refreshToken: string) {
    const grant = this.refresh.get(refreshToken);
    if (!grant || grant.clientId !== client.client_id)
      throw new InvalidGrantError('Unknown refresh token');
    this.refresh.delete(refreshToken); // rotated, as OAuth 2.1 §4.3.1 asks of public clients
    this.counts.refreshes++;
    return Promise.resolve(this.issue(client.client_id, grant.resource));
  }

  verifyAccessToken(token: string): Promise<AuthInfo> {
    const grant = this.access.get(token);
    // InvalidTokenError is what requireBearerAuth answers with 401 and WWW-Authenticate.
    if (!grant || grant.expiresAt < Date.now())
      throw new InvalidTokenError('Invalid or expired token');
    return Promise.resolve({
      token,
      clientId: grant.clientId,
      scopes: [],
      expiresAt: Math.floor(grant.expiresAt / 1000),
      ...(grant.resource ? { resource: new URL(grant.resource) } : {}),
    });
  }

  /** Every access token expires now (the refresh tokens still work). */
  expireAccessTokens(): void {
    for (const grant of this.access.values()) grant.expiresAt = 0;
  }

  /** Every token is revoked, refresh tokens too: only a new sign-in helps. */
  revokeAll(): void {
    this.access.clear();
    this.refresh.clear();
  }

  private issue(clientId: string, resource?: string): OAuthTokens {
    const accessToken = hex();
    const refreshToken = hex();
    const grant = { clientId, expiresAt: Date.now() + this.accessTtlMs, resource };
    this.access.set(accessToken, grant);
    this.refresh.set(refreshToken, { ...grant, expiresAt: Infinity });
    this.issued.push(accessToken, refreshToken);
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: Math.round(this.accessTtlMs / 1000),
      refresh_token: refreshToken,
    };
  }
}
