/**
 * MCP tool servers as main keeps them and the renderer sees them. A server's config never holds
 * a secret: its env values and header values live in the keychain, under the server's id and the
 * variable's or header's name; the config lists only their names.
 */
import { z } from 'zod';
import type { Said } from './said';

export const toolServerId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,47}$/);

export const toolServerConfigSchema = z
  .object({
    id: toolServerId,
    /** Shown, and the namespace of its tools (`name__tool`). */
    name: z.string().trim().min(1).max(64),
    enabled: z.boolean(),
    transport: z.enum(['stdio', 'http']),
    command: z.string().max(4096).optional(),
    args: z.array(z.string().max(4096)).max(256).optional(),
    cwd: z.string().max(4096).optional(),
    /** Names of env variables whose values are in the keychain. */
    envNames: z.array(z.string().min(1).max(256)).max(128).default([]),
    url: z.string().max(2048).optional(),
    /** Names of HTTP headers whose values are in the keychain. */
    headerNames: z.array(z.string().min(1).max(128)).max(64).default([]),
  })
  .strict();
export type ToolServerConfig = z.infer<typeof toolServerConfigSchema>;

export const toolServerStates = [
  'stopped',
  'starting',
  'ready',
  'failed',
  /** A Streamable HTTP server that wants OAuth and holds no usable token: Sign in. */
  'needs-sign-in',
  /** Waiting for the person to finish signing in in the browser. */
  'signing-in',
] as const;
export type ToolServerState = (typeof toolServerStates)[number];

export interface ToolInfo {
  /** The name the model sees: `server__tool`, unique across servers. */
  name: string;
  /** The tool's own name on its server. */
  toolName: string;
  serverId: string;
  description: string;
  /** JSON Schema of the arguments, as the server gave it. */
  inputSchema: Record<string, unknown>;
}

export interface ToolServerLogLine {
  at: number;
  source: 'stderr' | 'client';
  text: string;
}

export interface ToolServerStatus {
  id: string;
  state: ToolServerState;
  /** Why it failed, in words (with the command for one that would not start). */
  reason: string | null;
  /** The reason's first line as a code, for the person's language (the log lines stay as they came). */
  reasonSaid?: Said;
  tools: ToolInfo[];
  /** The last lines of its stderr and of what the client saw. */
  log: ToolServerLogLine[];
  /** OAuth: true once signed in (tokens stored), false when not; null when it never applied. */
  signedIn?: boolean | null;
  /** While signing in: the authorization URL (no secret in it), for a link beside the browser. */
  signInUrl?: string | null;
}

/** What a call came back with, as the model and the person are shown it. */
export interface ToolCallOutcome {
  content: string;
  isError: boolean;
  truncated?: boolean;
  /** Web pages the call found (the built-in web_search): listed under the answer as sources. */
  citations?: { title: string; url: string }[];
}
