/**
 * The IPC channels of tools (MCP servers, approvals, per-conversation choice), spread into
 * `invokeChannels`. Secret env and header values go renderer -> main only; main answers with
 * their names.
 */
import { z } from 'zod';
import { invoke } from './invokeChannel';
import {
  toolServerConfigSchema,
  toolServerId,
  type ToolServerConfig,
  type ToolServerStatus,
  type ToolInfo,
} from './tools';

export interface ToolServerView {
  config: ToolServerConfig;
  status: ToolServerStatus;
}

export interface ToolSettings {
  /** Start every enabled server when the app starts, instead of when a chat first needs it. */
  startAtLaunch: boolean;
  /** Provider calls one answer may make before the loop stops (each tool round is one). */
  maxSteps: number;
  /** Characters of one result kept; the rest is cut with a note. */
  maxResultChars: number;
}

export const toolSettingsSchema = z
  .object({
    startAtLaunch: z.boolean(),
    maxSteps: z.number().int().min(1).max(50),
    maxResultChars: z.number().int().min(1000).max(1_000_000),
  })
  .strict();

export interface ToolsSnapshot {
  servers: ToolServerView[];
  settings: ToolSettings;
  /** Tools always allowed without asking (by their namespaced name). */
  alwaysAllowed: string[];
}

/** A tool call waiting for the person: shown as a card in the chat. */
export interface ToolApprovalRequest {
  approvalId: string;
  conversationId: string;
  messageId: string;
  callId: string;
  tool: Pick<ToolInfo, 'name' | 'toolName' | 'serverId' | 'description'>;
  serverName: string;
  arguments: string;
}

export interface ToolApprovalSettled {
  approvalId: string;
}

const secretValues = z.record(z.string().min(1).max(256), z.string().max(16_384));

export const toolChannels = {
  listToolServers: invoke<ToolsSnapshot>()(z.object({}).strict()),
  /** Saves a server; `env`/`headers` hold new secret values (absent names keep their value). */
  saveToolServer: invoke<ToolServerView>()(
    z
      .object({
        config: toolServerConfigSchema,
        env: secretValues.default({}),
        headers: secretValues.default({}),
      })
      .strict(),
  ),
  removeToolServer: invoke<{ removed: boolean }>()(z.object({ id: toolServerId }).strict()),
  restartToolServer: invoke<ToolServerView>()(z.object({ id: toolServerId }).strict()),
  /** OAuth: opens the browser on the authorization URL; answers when signed in or failed. */
  signInToolServer: invoke<ToolServerView>()(z.object({ id: toolServerId }).strict()),
  /** OAuth: forgets the server's tokens and registration. */
  signOutToolServer: invoke<ToolServerView>()(z.object({ id: toolServerId }).strict()),
  importToolServers: invoke<ToolsSnapshot>()(
    z.object({ json: z.string().min(1).max(1_000_000) }).strict(),
  ),
  setToolSettings: invoke<ToolsSnapshot>()(toolSettingsSchema),
  answerToolApproval: invoke<{ settled: boolean }>()(
    z
      .object({
        approvalId: z.string().min(1).max(128),
        answer: z.enum(['once', 'always', 'deny']),
      })
      .strict(),
  ),
  /** The servers turned off for one conversation (every enabled server is on by default). */
  getConversationTools: invoke<{ off: string[] }>()(
    z.object({ conversationId: z.string().min(1).max(128) }).strict(),
  ),
  setConversationTools: invoke<{ off: string[] }>()(
    z
      .object({
        conversationId: z.string().min(1).max(128),
        off: z.array(toolServerId).max(256),
      })
      .strict(),
  ),
} as const;
