/**
 * Runs the MCP servers, in main only: each started when first needed (or at launch, by the
 * caller), with its state (starting, ready, failed with the reason and its stderr), restarted on
 * request, stopped at quit. A server that crashes is shown as failed; one that hangs times out.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type {
  ToolCallOutcome,
  ToolInfo,
  ToolServerConfig,
  ToolServerState,
  ToolServerStatus,
} from '../../../shared/tools';
import { connectServer, type HttpAuth, type ResolvedToolServer } from './mcpConnect';
import { usesOAuth, wantsSignIn, type McpOAuth } from './mcpOAuth';
import type { McpMessageTap } from '../exchanges/StepExchanges';
import { callListener, type WireListener } from './mcpTap';
import { ServerLog } from './serverLog';
import { failureInWords, failureSpoken } from './mcpFailure';
import { namespacedToolName } from './toolNames';
import { cutOutcome, toolOutcome } from './toolResult';
import { spoken, type Said, type Spoken } from '../../../shared/said';

export interface ToolServerManagerOptions {
  servers(): ToolServerConfig[];
  /** The config with its secret env and header values filled in from the keychain. */
  resolve(config: ToolServerConfig): Promise<ResolvedToolServer>;
  startTimeoutMs?: number;
  callTimeoutMs?: number;
  /** A number, or where to read it at each call (the setting can change while servers run). */
  maxResultChars?: number | (() => number);
  onStatus?(status: ToolServerStatus): void;
  /** OAuth for Streamable HTTP servers (absent: none, as in the CLI). */
  oauth?: McpOAuth;
}

interface Entry {
  state: ToolServerState;
  reason: string | null;
  reasonSaid?: Said | undefined;
  tools: ToolInfo[];
  log: ServerLog;
  client: Client | null;
  starting: Promise<void> | null;
  /** Bumped by every start and stop, so a late close of an old client changes nothing. */
  generation: number;
  /** The inspector's listeners on this server's JSON-RPC traffic, one per running call. */
  listeners: Set<WireListener>;
  /** The authorization URL while a sign-in waits for the browser (the Settings link). */
  signInUrl: string | null;
  /** Ends a sign-in that waits for the browser (a stop, restart or removal). */
  cancelSignIn: (() => void) | null;
}

export const DEFAULT_MAX_RESULT_CHARS = 100_000;

export class ToolServerManager {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: ToolServerManagerOptions) {}

  private get startTimeoutMs(): number {
    return this.options.startTimeoutMs ?? 30_000;
  }

  private get callTimeoutMs(): number {
    return this.options.callTimeoutMs ?? 120_000;
  }

  status(id: string): ToolServerStatus {
    const entry = this.entries.get(id);
    return {
      id,
      state: entry?.state ?? 'stopped',
      reason: entry?.reason ?? null,
      ...(entry?.reasonSaid ? { reasonSaid: entry.reasonSaid } : {}),
      tools: entry?.tools ?? [],
      log: entry?.log.snapshot() ?? [],
      signedIn: this.options.oauth?.isSignedIn(id) ?? null,
      signInUrl: entry?.signInUrl ?? null,
    };
  }

  statuses(): ToolServerStatus[] {
    return this.options.servers().map((server) => this.status(server.id));
  }

  /** Starts the server unless it is ready or starting; resolves when it is ready or failed. */
  async start(id: string): Promise<ToolServerStatus> {
    const config = this.config(id);
    const entry = this.entry(id);
    if (entry.state === 'ready') return this.status(id);
    entry.starting ??= this.open(config, entry).finally(() => (entry.starting = null));
    await entry.starting;
    return this.status(id);
  }

  async restart(id: string): Promise<ToolServerStatus> {
    await this.stop(id);
    return this.start(id);
  }

  /** Signs in (the person asked: the browser may open), then connects as start does. */
  async signIn(id: string): Promise<ToolServerStatus> {
    const config = this.config(id);
    await this.stop(id);
    const entry = this.entry(id);
    await entry.starting; // a sign-in just stopped ends at once; a start ends as it would
    entry.starting ??= this.open(config, entry, true).finally(() => (entry.starting = null));
    await entry.starting;
    return this.status(id);
  }

  /** Stops the server and forgets its tokens: the next connect asks for sign-in again. */
  async signOut(id: string): Promise<ToolServerStatus> {
    await this.stop(id);
    await this.options.oauth?.signOut(id);
    const entry = this.entry(id);
    entry.log.client('signed out');
    this.set(id, entry, 'needs-sign-in', null);
    return this.status(id);
  }

  async stop(id: string): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.generation++;
    entry.cancelSignIn?.();
    entry.cancelSignIn = null;
    entry.signInUrl = null;
    const client = entry.client;
    entry.client = null;
    this.set(id, entry, 'stopped', null);
    if (client) {
      entry.log.client('stopped');
      await client.close().catch(() => undefined);
    }
  }

  /** Stops every server (at quit). */
  async stopAll(): Promise<void> {
    await Promise.all([...this.entries.keys()].map((id) => this.stop(id)));
  }

  /**
   * The tools of these servers (started as needed; disabled or failed ones give none), named so
   * that no two collide across servers.
   */
  async toolsOf(serverIds: readonly string[]): Promise<ToolInfo[]> {
    const known = new Map(this.options.servers().map((server) => [server.id, server]));
    const wanted = serverIds.filter((id) => known.get(id)?.enabled);
    // A failed server waits for its Restart: it would only fail again, slowly, every answer.
    // One that needs sign-in waits for the person's Sign in.
    const waiting = new Set(['failed', 'needs-sign-in']);
    const startable = wanted.filter((id) => !waiting.has(this.status(id).state));
    await Promise.all(startable.map((id) => this.start(id)));
    const taken = new Set<string>();
    return wanted.flatMap((id) =>
      this.status(id).tools.map((tool) => ({
        ...tool,
        name: namespacedToolName(known.get(id)!.name, tool.toolName, taken),
      })),
    );
  }

  /** Calls one tool; every failure comes back as an error outcome, never as a throw. */
  async call(
    tool: Pick<ToolInfo, 'serverId' | 'toolName'>,
    args: Record<string, unknown>,
    signal?: AbortSignal,
    tap?: McpMessageTap,
  ): Promise<ToolCallOutcome> {
    const limit = this.options.maxResultChars;
    const maxChars = (typeof limit === 'function' ? limit() : limit) ?? DEFAULT_MAX_RESULT_CHARS;
    const status = await this.start(tool.serverId).catch((error: unknown) => ({
      state: 'failed' as const,
      reason: failureInWords(error, this.callTimeoutMs),
    }));
    const entry = this.entries.get(tool.serverId);
    if (status.state !== 'ready' || !entry?.client)
      return {
        content: `The tool server is not running: ${status.reason ?? 'stopped'}`,
        isError: true,
      };
    const generation = entry.generation;
    entry.log.client(`call ${tool.toolName} ${JSON.stringify(args).slice(0, 500)}`);
    const listener = tap && callListener(tap);
    if (listener) entry.listeners.add(listener);
    try {
      const result = await entry.client.callTool(
        { name: tool.toolName, arguments: args },
        undefined,
        {
          timeout: this.callTimeoutMs,
          ...(signal ? { signal } : {}),
        },
      );
      entry.log.client(`result of ${tool.toolName}${result.isError ? ' (error)' : ''}`);
      return toolOutcome(result, maxChars);
    } catch (error) {
      const words = signal?.aborted
        ? 'The call was stopped.'
        : failureInWords(error, this.callTimeoutMs);
      entry.log.client(`call ${tool.toolName} failed: ${words}`);
      // Tokens refused mid-session (revoked) and not refreshable: the person signs in again.
      if (entry.generation === generation && wantsSignIn(error)) this.needsSignIn(entry, tool);
      const exited = entry.generation === generation && entry.state === 'failed';
      const content = exited ? `${words} ${entry.reason ?? ''}`.trim() : words;
      return cutOutcome({ content, isError: true }, maxChars);
    } finally {
      if (listener) entry.listeners.delete(listener);
    }
  }

  private async open(config: ToolServerConfig, entry: Entry, signIn = false): Promise<void> {
    const generation = ++entry.generation;
    this.set(config.id, entry, 'starting', null);
    let client: Client;
    try {
      client = await this.connect(await this.options.resolve(config), entry, generation, signIn);
    } catch (error) {
      if (entry.generation !== generation) return;
      entry.signInUrl = null;
      if (wantsSignIn(error) && !signIn) {
        entry.log.client('needs sign-in');
        this.set(config.id, entry, 'needs-sign-in', null);
        return;
      }
      const why = failureSpoken(error, this.startTimeoutMs).said;
      this.fail(
        config,
        entry,
        spoken(signIn ? 'tools.signInFailed' : 'tools.couldNotStart', { why }),
      );
      return;
    }
    entry.signInUrl = null;
    if (entry.generation !== generation) {
      await client.close().catch(() => undefined);
      return;
    }
    client.onclose = () => {
      if (entry.generation !== generation) return;
      entry.client = null;
      this.fail(config, entry, spoken('tools.exited'));
    };
    entry.client = client;
    try {
      entry.tools = await this.listTools(config, client);
    } catch (error) {
      if (entry.generation !== generation) return;
      await this.stop(config.id);
      const why = failureSpoken(error, this.startTimeoutMs).said;
      this.fail(config, entry, spoken('tools.couldNotList', { why }));
      return;
    }
    entry.log.client(`ready: ${entry.tools.length} tools`);
    this.set(config.id, entry, 'ready', null);
  }

  /** connectServer, through OAuth for a Streamable HTTP server that uses it. */
  private connect(
    server: ResolvedToolServer,
    entry: Entry,
    generation: number,
    signIn: boolean,
  ): Promise<Client> {
    const tap: WireListener = (...message) => {
      for (const listener of entry.listeners) listener(...message);
    };
    const connect = (auth?: HttpAuth) =>
      connectServer(server, entry.log, this.startTimeoutMs, tap, auth);
    const oauth = this.options.oauth;
    if (!oauth || !usesOAuth(server)) return connect();
    if (!signIn) return oauth.background(server, connect);
    entry.log.client('signing in');
    const abort = new AbortController();
    entry.cancelSignIn = () => abort.abort();
    const onUrl = (url: string) => {
      if (entry.generation !== generation) return;
      entry.signInUrl = url;
      entry.log.client('waiting for the sign-in in the browser');
      this.set(server.id, entry, 'signing-in', null);
    };
    return oauth.signIn(server, connect, onUrl, abort.signal);
  }

  private needsSignIn(entry: Entry, tool: Pick<ToolInfo, 'serverId'>): void {
    entry.generation++;
    const client = entry.client;
    entry.client = null;
    entry.tools = [];
    void client?.close().catch(() => undefined);
    entry.log.client('the server refused its tokens: needs sign-in');
    this.set(tool.serverId, entry, 'needs-sign-in', null);
  }

  private async listTools(config: ToolServerConfig, client: Client): Promise<ToolInfo[]> {
    const taken = new Set<string>();
    const tools: ToolInfo[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.listTools(cursor ? { cursor } : undefined, {
        timeout: this.startTimeoutMs,
      });
      for (const tool of page.tools)
        tools.push({
          name: namespacedToolName(config.name, tool.name, taken),
          toolName: tool.name,
          serverId: config.id,
          description: tool.description ?? '',
          inputSchema: tool.inputSchema as Record<string, unknown>,
        });
      cursor = page.nextCursor;
    } while (cursor);
    return tools;
  }

  private fail(config: ToolServerConfig, entry: Entry, why: Spoken): void {
    const tail = entry.log.stderrTail();
    const command =
      config.transport === 'stdio'
        ? spoken('tools.command', { command: [config.command, ...(config.args ?? [])].join(' ') })
        : null;
    entry.log.client(why.message);
    entry.tools = [];
    const line = spoken('tools.reasonLine', { why: why.said, command: command?.said ?? '' });
    this.set(config.id, entry, 'failed', `${line.message}${tail ? `\n${tail}` : ''}`, line.said);
  }

  private set(
    id: string,
    entry: Entry,
    state: ToolServerState,
    reason: string | null,
    reasonSaid?: Said,
  ): void {
    entry.state = state;
    entry.reason = reason;
    entry.reasonSaid = reasonSaid;
    this.options.onStatus?.(this.status(id));
  }

  private entry(id: string): Entry {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = {
        state: 'stopped',
        reason: null,
        tools: [],
        log: new ServerLog(),
        client: null,
        starting: null,
        generation: 0,
        listeners: new Set(),
        signInUrl: null,
        cancelSignIn: null,
      };
      this.entries.set(id, entry);
    }
    return entry;
  }

  private config(id: string): ToolServerConfig {
    const config = this.options.servers().find((server) => server.id === id);
    if (!config) throw new Error(`No tool server "${id}".`);
    return config;
  }
}
