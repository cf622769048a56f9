/**
 * Captured provider exchanges, as the inspector shows them. The shapes mirror the engine's
 * ExchangeRecorder (src/main/core/providers/exchange.ts); headers arrive here already redacted.
 */
import { z } from 'zod';

export interface ExchangeRequestView {
  attempt: number;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
  atMs: number;
}

export interface ExchangeResponseView {
  attempt: number;
  status: number;
  statusText: string;
  headers: Record<string, string>;
  atMs: number;
}

export interface ExchangeEventView {
  attempt: number;
  event: string | null;
  data: string;
  id?: string;
  atMs: number;
}

export interface ExchangeAttemptView {
  request: ExchangeRequestView;
  response?: ExchangeResponseView;
  events: ExchangeEventView[];
  body?: { attempt: number; text: string; truncated: boolean; atMs: number };
}

/** One JSON-RPC message of an MCP tool call, as sent or received (secret values struck out). */
export interface McpMessageView {
  direction: 'sent' | 'received';
  /** The message's JSON text. */
  message: string;
  atMs: number;
}

/** A tool call run after a step's provider call, with its MCP messages. */
export interface ToolCallExchangeView {
  callId: string;
  /** The tool's name as the model saw it (namespaced when names collide). */
  tool: string;
  serverId: string;
  messages: McpMessageView[];
}

/** One provider call behind an answer (a continued answer has more than one). */
export interface ExchangeRecord {
  id: number;
  messageId: string;
  createdAt: number;
  provider: string;
  model: string;
  stream: boolean;
  attempts: ExchangeAttemptView[];
  /** Milliseconds since the call began: first text, and the end. */
  timing: { ttftMs: number | null; totalMs: number } | null;
  /** True when the capture went over the size cap and events or body text were dropped. */
  truncated: boolean;
  sizeBytes: number;
  /** In a tool loop: which step this provider call was (1, 2 …), and the calls it asked for. */
  step?: number;
  toolCalls?: ToolCallExchangeView[];
}

export const captureSettingsSchema = z
  .object({
    enabled: z.boolean(),
    keepDays: z.number().int().min(1).max(3650),
    maxMegabytes: z.number().int().min(1).max(10_000),
  })
  .strict();
export type CaptureSettings = z.infer<typeof captureSettingsSchema>;

export const defaultCaptureSettings: CaptureSettings = {
  enabled: true,
  keepDays: 30,
  maxMegabytes: 200,
};
