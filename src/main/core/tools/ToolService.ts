/**
 * Tools for the app: the servers people configured (preferences) with their secrets (keychain),
 * run by the manager; approvals; and, for one answer, the ToolRun the chat's tool loop uses.
 */
import type { EventSink } from '../../../shared/ipc';
import type { ToolServerView, ToolsSnapshot } from '../../../shared/toolChannels';
import type { ToolInfo, ToolServerConfig } from '../../../shared/tools';
import type { PreferencesStore } from '../preferences/PreferencesStore';
import type { KnownSecrets } from '../secrets/KnownSecrets';
import type { SecretVault } from '../secrets/SecretVault';
import type { ToolRun } from '../chat/toolLoop';
import type { ResolvedToolServer } from './mcpConnect';
import { McpOAuth } from './mcpOAuth';
import { ToolApprovals } from './toolApprovals';
import { ToolPreferences } from './toolPreferences';
import { ToolServerManager } from './ToolServerManager';
import { spoken, type Spoken } from '../../../shared/said';
import type { UiLanguage } from '../../../shared/locales/languages';

/** Keychain accounts of a server's secrets: beside the profiles', under the server id. */
export const toolSecretAccount = (serverId: string, kind: 'env' | 'header', name: string) =>
  `tool:${serverId}#${kind}:${kind === 'header' ? name.toLowerCase() : name}`;

export interface ToolServiceDeps {
  preferences: PreferencesStore;
  vault: SecretVault;
  emit: EventSink;
  /** Where a server that fails when a chat needs it is told to the person (the app's notices). */
  notices?: { post(message: string | Spoken): void };
  /** OAuth sign-in opens its authorization URL here (the browser in the app; absent: a link only). */
  openUrl?: (url: string) => void | Promise<void>;
  /** Tokens are added here so the crash log strikes them out. */
  known?: KnownSecrets;
  /** Tests shorten these. */
  startTimeoutMs?: number;
  callTimeoutMs?: number;
  signInTimeoutMs?: number;
  /** The window's language, for the sign-in page the browser shows. */
  uiLanguage?: () => UiLanguage;
}

export class ToolService {
  readonly prefs: ToolPreferences;
  readonly manager: ToolServerManager;
  readonly approvals: ToolApprovals;
  readonly oauth: McpOAuth;

  constructor(private readonly deps: ToolServiceDeps) {
    this.prefs = new ToolPreferences(deps.preferences);
    this.oauth = new McpOAuth({
      vault: deps.vault,
      openUrl: deps.openUrl ?? (() => undefined),
      ...(deps.known ? { known: deps.known } : {}),
      ...(deps.signInTimeoutMs ? { signInTimeoutMs: deps.signInTimeoutMs } : {}),
      ...(deps.uiLanguage ? { uiLanguage: deps.uiLanguage } : {}),
    });
    this.manager = new ToolServerManager({
      oauth: this.oauth,
      servers: () => this.prefs.servers(),
      resolve: (config) => this.resolve(config),
      startTimeoutMs: deps.startTimeoutMs,
      callTimeoutMs: deps.callTimeoutMs,
      maxResultChars: () => this.prefs.settings().maxResultChars,
      onStatus: (status) => {
        const config = this.prefs.servers().find((server) => server.id === status.id);
        if (config) deps.emit('toolServer', { config, status });
      },
    });
    this.approvals = new ToolApprovals(deps.emit, (name) => this.prefs.allowAlways(name));
  }

  snapshot(): ToolsSnapshot {
    return {
      servers: this.prefs.servers().map((config) => this.view(config.id)),
      settings: this.prefs.settings(),
      alwaysAllowed: this.prefs.alwaysAllowed(),
    };
  }

  view(id: string): ToolServerView {
    const config = this.prefs.servers().find((server) => server.id === id);
    if (!config) throw new Error(`No tool server "${id}".`);
    return { config, status: this.manager.status(id) };
  }

  /** Saves a server and its new secret values; a running server restarts with the change. */
  async save(
    config: ToolServerConfig,
    env: Record<string, string>,
    headers: Record<string, string>,
  ): Promise<ToolServerView> {
    for (const [name, value] of Object.entries(env))
      await this.deps.vault.set(toolSecretAccount(config.id, 'env', name), value, 'keychain');
    for (const [name, value] of Object.entries(headers))
      await this.deps.vault.set(toolSecretAccount(config.id, 'header', name), value, 'keychain');
    const saved = {
      ...config,
      envNames: [...new Set([...config.envNames, ...Object.keys(env)])],
      headerNames: [...new Set([...config.headerNames, ...Object.keys(headers)])],
    };
    const before = this.prefs.servers().find((server) => server.id === config.id);
    // Tokens got from one URL are never offered to another (they are bound to it anyway).
    if (before && before.url !== saved.url) await this.oauth.forget(config.id);
    const others = this.prefs.servers().filter((server) => server.id !== config.id);
    this.prefs.saveServers([...others, saved]);
    await this.manager.stop(config.id);
    if (saved.enabled && this.prefs.settings().startAtLaunch) void this.manager.start(saved.id);
    return this.view(saved.id);
  }

  async remove(id: string): Promise<boolean> {
    const config = this.prefs.servers().find((server) => server.id === id);
    if (!config) return false;
    await this.manager.stop(id);
    for (const name of config.envNames)
      await this.deps.vault.remove(toolSecretAccount(id, 'env', name)).catch(() => undefined);
    for (const name of config.headerNames)
      await this.deps.vault.remove(toolSecretAccount(id, 'header', name)).catch(() => undefined);
    await this.oauth.forget(id);
    this.prefs.saveServers(this.prefs.servers().filter((server) => server.id !== id));
    return true;
  }

  /** Servers turned off in one conversation (the chat's settings panel, or a new chat's). */
  setOff(conversationId: string, off: string[]): void {
    this.prefs.setOff(conversationId, off);
  }

  /** At launch, when the setting says so: every enabled server, without waiting for them. */
  startAtLaunch(): void {
    if (!this.prefs.settings().startAtLaunch) return;
    for (const server of this.prefs.servers())
      if (server.enabled) void this.manager.start(server.id);
  }

  /**
   * What one answer may use: the enabled servers not turned off in this conversation, their
   * tools, approvals through the renderer. Null when no tool is on (the plain engine answers).
   */
  async runFor(conversationId: string, messageId: string): Promise<ToolRun | null> {
    const off = new Set(this.prefs.offFor(conversationId));
    const servers = this.prefs.servers().filter((server) => server.enabled && !off.has(server.id));
    if (servers.length === 0) return null;
    const failedBefore = new Set(
      servers
        .filter((server) =>
          ['failed', 'needs-sign-in'].includes(this.manager.status(server.id).state),
        )
        .map((s) => s.id),
    );
    const tools = await this.manager.toolsOf(servers.map((server) => server.id));
    for (const server of servers) {
      const status = this.manager.status(server.id);
      const why = status.reason?.split('\n')[0] ?? '';
      if (status.state === 'needs-sign-in' && !failedBefore.has(server.id))
        this.deps.notices?.post(
          `Tool server "${server.name}" asks you to sign in; its tools are left out until you sign in in Settings › Tools.`,
        );
      if (status.state === 'failed' && !failedBefore.has(server.id))
        this.deps.notices?.post(
          spoken('notice.toolServerDown', { name: server.name, why: status.reasonSaid ?? why }),
        );
    }
    if (tools.length === 0) return null;
    const names = new Map(servers.map((server) => [server.id, server.name]));
    return {
      tools,
      maxSteps: this.prefs.settings().maxSteps,
      call: (tool, args, signal, tap) => this.manager.call(tool, args, signal, tap),
      approve: (request, signal) => {
        if (this.prefs.alwaysAllowed().includes(request.tool.name)) return Promise.resolve('allow');
        return this.approvals.ask(
          {
            conversationId,
            messageId,
            callId: request.callId,
            tool: shownTool(request.tool),
            serverName: names.get(request.tool.serverId) ?? request.tool.serverId,
            arguments: request.arguments,
          },
          signal,
        );
      },
    };
  }

  private async resolve(config: ToolServerConfig): Promise<ResolvedToolServer> {
    const read = async (kind: 'env' | 'header', names: string[]) => {
      const values: Record<string, string> = {};
      for (const name of names) {
        const stored = await this.deps.vault.get(toolSecretAccount(config.id, kind, name));
        if (stored) values[name] = stored.secret;
      }
      return values;
    };
    return {
      ...config,
      env: await read('env', config.envNames),
      headers: await read('header', config.headerNames),
    };
  }
}

function shownTool(tool: ToolInfo) {
  return {
    name: tool.name,
    toolName: tool.toolName,
    serverId: tool.serverId,
    description: tool.description,
  };
}

/** The app's tool service, its servers started at launch when the setting says so. */
export function startTools(deps: ToolServiceDeps): ToolService {
  const tools = new ToolService(deps);
  tools.startAtLaunch();
  return tools;
}
