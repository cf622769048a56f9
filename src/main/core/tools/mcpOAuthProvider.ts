/**
 * The SDK's OAuthClientProvider for one Streamable HTTP MCP server (MCP authorization spec,
 * 2025-06-18 "Authorization"): dynamic client registration, PKCE and the authorization code flow
 * are the SDK's (client/auth.js); this class keeps what they produce. Tokens, the registered
 * client, the PKCE code verifier and the discovery state live in the keychain under the server's
 * id, never in a log or the renderer.
 */
import type {
  OAuthClientProvider,
  OAuthDiscoveryState,
} from '@modelcontextprotocol/sdk/client/auth.js';
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from '@modelcontextprotocol/sdk/shared/auth.js';
import { SaidError, spoken } from '../../../shared/said';
import type { KnownSecrets } from '../secrets/KnownSecrets';
import { KeyStoreUnavailableError } from '../secrets/KeyStore';
import type { SecretVault } from '../secrets/SecretVault';

const KINDS = ['tokens', 'client', 'verifier', 'discovery'] as const;
type Kind = (typeof KINDS)[number];

/** Keychain accounts of a server's OAuth state: beside its env and header secrets. */
export const oauthAccount = (serverId: string, kind: Kind) => `tool:${serverId}#oauth:${kind}`;

/** A connect that may not ask the person (at launch, for a chat) met a server that wants sign-in. */
export class SignInNeededError extends SaidError {
  constructor() {
    super(spoken('tools.oauth.signInNeeded'));
    this.name = 'SignInNeededError';
  }
}

export type OAuthVault = Pick<SecretVault, 'get' | 'set' | 'remove'>;

export interface McpOAuthProviderOptions {
  vault: OAuthVault;
  serverId: string;
  /** The MCP server's URL: every entry is bound to it, so a changed URL never gets old tokens. */
  serverUrl: string;
  /** The loopback redirect of this sign-in; a fixed placeholder for connects that never redirect. */
  redirectUrl: string;
  /** False: never open a browser; a needed sign-in throws SignInNeededError instead. */
  interactive: boolean;
  state?: string;
  known?: KnownSecrets;
  onAuthorizationUrl?(url: URL): void | Promise<void>;
  /** Told when tokens are saved (true) or forgotten (false). */
  onSignedIn?(signedIn: boolean): void;
}

export class McpOAuthProvider implements OAuthClientProvider {
  /** Read once from the keychain, then kept: the transport asks for tokens on every request. */
  private readonly cache = new Map<Kind, unknown>();

  constructor(private readonly options: McpOAuthProviderOptions) {}

  get redirectUrl(): string {
    return this.options.redirectUrl;
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: 'Switchboard',
      redirect_uris: [this.options.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      // A desktop app is a public client (RFC 8252 §8.4): PKCE, no client secret.
      token_endpoint_auth_method: 'none',
    };
  }

  state(): string {
    return this.options.state ?? '';
  }

  async clientInformation(): Promise<OAuthClientInformationMixed | undefined> {
    const info = await this.read<OAuthClientInformationMixed>('client');
    if (!info) {
      // Registering needs a redirect a person will follow: only a sign-in does that.
      if (!this.options.interactive) throw new SignInNeededError();
      return undefined;
    }
    // Each sign-in listens on a new loopback port; a server that matches redirect URIs exactly
    // would refuse it, so a client registered for another port registers again.
    const uris = 'redirect_uris' in info ? info.redirect_uris : undefined;
    if (this.options.interactive && uris && !uris.includes(this.options.redirectUrl))
      return undefined;
    return info;
  }

  async saveClientInformation(info: OAuthClientInformationMixed): Promise<void> {
    this.options.known?.add(info.client_secret);
    await this.write('client', info);
  }

  async tokens(): Promise<OAuthTokens | undefined> {
    const tokens = await this.read<OAuthTokens>('tokens');
    this.options.known?.add(tokens?.access_token);
    this.options.known?.add(tokens?.refresh_token);
    return tokens;
  }

  async saveTokens(tokens: OAuthTokens): Promise<void> {
    this.options.known?.add(tokens.access_token);
    this.options.known?.add(tokens.refresh_token);
    await this.write('tokens', tokens);
    this.options.onSignedIn?.(true);
  }

  async redirectToAuthorization(url: URL): Promise<void> {
    if (!this.options.interactive) throw new SignInNeededError();
    await this.options.onAuthorizationUrl?.(url);
  }

  async saveCodeVerifier(verifier: string): Promise<void> {
    await this.write('verifier', verifier);
  }

  async codeVerifier(): Promise<string> {
    const verifier = await this.read<string>('verifier');
    if (!verifier) throw new SaidError(spoken('tools.oauth.noVerifier'));
    return verifier;
  }

  async saveDiscoveryState(state: OAuthDiscoveryState): Promise<void> {
    await this.write('discovery', state);
  }

  async discoveryState(): Promise<OAuthDiscoveryState | undefined> {
    return this.read<OAuthDiscoveryState>('discovery');
  }

  /** The SDK's call when a credential was refused (invalid_client, invalid_grant…). */
  async invalidateCredentials(
    scope: 'all' | 'client' | 'tokens' | 'verifier' | 'discovery',
  ): Promise<void> {
    await forgetOAuth(this.options.vault, this.options.serverId, scope === 'all' ? KINDS : [scope]);
    for (const kind of scope === 'all' ? KINDS : [scope]) this.cache.delete(kind);
    if (scope === 'all' || scope === 'tokens') this.options.onSignedIn?.(false);
  }

  private async read<T>(kind: Kind): Promise<T | undefined> {
    if (this.cache.has(kind)) return this.cache.get(kind) as T | undefined;
    const stored = await this.options.vault.get(oauthAccount(this.options.serverId, kind));
    let value: T | undefined;
    try {
      const entry = stored ? (JSON.parse(stored.secret) as { url?: string; value?: T }) : null;
      // Another URL's entry (the server was edited) reads as absent: its tokens stay unsent.
      value = entry?.url === this.options.serverUrl ? entry.value : undefined;
    } catch {
      value = undefined; // A damaged entry reads as absent: the flow stores a fresh one.
    }
    this.cache.set(kind, value);
    return value;
  }

  private async write(kind: Kind, value: unknown): Promise<void> {
    this.cache.set(kind, value);
    const account = oauthAccount(this.options.serverId, kind);
    const text = JSON.stringify({ url: this.options.serverUrl, value });
    try {
      await this.options.vault.set(account, text, 'keychain');
    } catch (error) {
      // No keychain: kept for this session only (memory), as keys are.
      if (!(error instanceof KeyStoreUnavailableError)) throw error;
      await this.options.vault.set(account, text, 'session');
    }
  }
}

/** Sign-out and removal: forgets the server's OAuth entries (all of them by default). */
export async function forgetOAuth(
  vault: OAuthVault,
  serverId: string,
  kinds: readonly Kind[] = KINDS,
): Promise<void> {
  for (const kind of kinds) await vault.remove(oauthAccount(serverId, kind)).catch(() => undefined);
}
