/**
 * THE contract between renderer and main: every invoke channel with a zod schema for its
 * request and a type for its response, and every event with its payload type.
 * Electron IPC, the in-memory test pair and the browser harness all carry exactly this.
 */
import { z } from 'zod';
import type { StreamEvent } from './stream';

/** Declares a channel: the request schema is checked at runtime, the response type at compile time. */
function invoke<Response>() {
  return <Request extends z.ZodType>(request: Request) => ({
    request,
    response: undefined as unknown as Response,
  });
}

const id = z.string().min(1).max(128);

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** 'electron' in the desktop app, 'harness' when served to a browser by the test harness. */
  shell: 'electron' | 'harness';
}

export interface SendMessageResponse {
  conversationId: string;
  userMessageId: string;
  assistantMessageId: string;
  streamId: string;
}

export const sendMessageRequest = z
  .object({
    conversationId: id.optional(),
    text: z.string().min(1).max(1_000_000),
    // Optional per-message choices from the composer; absent means the profile's defaults.
    model: z.string().min(1).max(200).optional(),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().min(1).max(1_000_000).optional(),
    system: z.string().max(100_000).optional(),
  })
  .strict();

export const invokeChannels = {
  getAppInfo: invoke<AppInfo>()(z.object({}).strict()),
  sendMessage: invoke<SendMessageResponse>()(sendMessageRequest),
  stopStream: invoke<{ stopped: boolean }>()(z.object({ streamId: id }).strict()),
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
/** What the renderer passes (before defaults are applied). */
export type RequestOf<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['request']>;
/** What a handler receives (after validation). */
export type ValidRequestOf<C extends InvokeChannel> = z.output<
  (typeof invokeChannels)[C]['request']
>;
export type ResponseOf<C extends InvokeChannel> = (typeof invokeChannels)[C]['response'];

/** A batch of normalized events for one stream, coalesced in main (at most ~60 a second). */
export interface ChatStreamBatch {
  streamId: string;
  conversationId: string;
  messageId: string;
  events: StreamEvent[];
}

export interface EventPayloads {
  chatStream: ChatStreamBatch;
}
export type EventChannel = keyof EventPayloads;
export const eventChannels: readonly EventChannel[] = ['chatStream'];

/** The wire name of a channel, namespaced so nothing else on ipcMain can collide with it. */
export function wireChannel(channel: InvokeChannel | EventChannel): string {
  return `switchboard:${channel}`;
}

export function isInvokeChannel(name: string): name is InvokeChannel {
  return Object.prototype.hasOwnProperty.call(invokeChannels, name);
}

/**
 * The handler table main must provide. A mapped type over every channel: a channel without
 * a handler is a compile error wherever a table is built.
 */
export type IpcHandlers = {
  [C in InvokeChannel]: (request: ValidRequestOf<C>) => Promise<ResponseOf<C>>;
};

/** How core sends an event to whatever renderer is attached (Electron window, harness socket, test). */
export type EventSink = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => void;
