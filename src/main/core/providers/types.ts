import type { FinishReason, ProviderError, StreamEvent, Usage } from '../../../shared/stream';

import type { AttachmentPart } from '../../../shared/messageParts';
import type { ProviderType } from '../../../shared/profiles';
import type { ReasoningEffort } from '../../../shared/reasoning';
import type { WireApi } from '../../../shared/wireApi';
import type { Said } from '../../../shared/said';

export { providerTypes, type ProviderType } from '../../../shared/profiles';

/** Default sampling parameters a profile applies when a request names none. */
export interface ProfileParams {
  temperature?: number | undefined;
  topP?: number | undefined;
  maxTokens?: number | undefined;
}

/**
 * Where and how to call a provider: the fields the engine reads. Structurally a subset of the
 * stored profile (keys issue), so a resolved profile can be passed as it is. No key here, ever.
 */
export interface ProviderProfile {
  id: string;
  name: string;
  type: ProviderType;
  /** API base URL; for Azure, the resource endpoint (https://NAME.openai.azure.com). */
  baseUrl: string;
  defaultModel: string;
  azure?:
    | {
        /** Overrides baseUrl for Azure when set. */
        endpoint?: string | undefined;
        /** The deployment to call; when absent the request's model names it. */
        deployment?: string | undefined;
        apiVersion?: string | undefined;
      }
    | undefined;
  organization?: string | undefined;
  project?: string | undefined;
  params?: ProfileParams | undefined;
  /** OpenAI and Azure: which wire API chats use; absent: wireApiFor (shared/wireApi.ts) decides. */
  api?: WireApi | undefined;
  /** Anthropic prompt caching breakpoints; absent means on (anthropicCaching.ts). */
  promptCaching?: boolean | undefined;
  /** Seconds to wait on a silent server (responseTimeouts.ts); absent: the defaults. */
  timeouts?:
    { firstByteSeconds?: number | undefined; idleSeconds?: number | undefined } | undefined;
}

/** A profile with its credentials, resolved just before a call and dropped after it. */
export interface ProviderTarget {
  profile: ProviderProfile;
  /** Null for servers that need no key (a local Ollama, a gateway that injects it). */
  apiKey: string | null;
  /**
   * Extra headers (gateways, proxies, a custom auth header), secret values filled in. Their
   * values are scrubbed from any message; names in `secretHeaderNames` (and any name that
   * says key, token or secret) are redacted in captured exchanges.
   */
  headers?: Record<string, string> | undefined;
  secretHeaderNames?: string[] | undefined;
  /** Microsoft Entra ID access token (Azure) or another bearer token, used instead of a key. */
  bearerToken?: string | null | undefined;
}

/** A tool call the model made, as it goes back to the model in the history. */
export interface ToolCallTurn {
  callId: string;
  name: string;
  /** The arguments as the model wrote them (JSON text). */
  arguments: string;
}

/** A question: its text, and what it has attached. */
export interface UserTurn {
  role: 'user';
  content: string;
  /**
   * Images and PDFs sent as the provider takes them (wireContent.ts), ready to go: scaled to
   * its limits, base64. Text files and extracted PDF text are already in `content`.
   */
  attachments?: WireAttachment[];
  /**
   * The stored attachments a question names (references, no bytes), made into `attachments` by
   * the attachment engine (attachments/attachedEngine.ts) before the call; the engine itself
   * never reads them.
   */
  attached?: AttachmentPart[];
}

export type ChatTurn =
  | UserTurn
  /** `toolCalls`: the calls this turn made; their results follow as `tool` turns. */
  | { role: 'assistant'; content: string; toolCalls?: ToolCallTurn[] }
  | { role: 'tool'; callId: string; name: string; content: string; isError: boolean };

/** A function the model may call: a JSON Schema of its arguments (an MCP tool's inputSchema). */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** One attachment as a request carries it; `data` is the bytes in base64. */
export type WireAttachment =
  /** `tokens`: its estimated cost (width × height / 750), counted when a provider reports none. */
  | { kind: 'image'; name: string; mimeType: string; data: string; tokens?: number }
  | { kind: 'pdf'; name: string; data: string };

export interface ChatRequest {
  model: string;
  system?: string;
  messages: ChatTurn[];
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  /** How hard a reasoning model thinks; each module maps it to its own control, or omits it. */
  reasoningEffort?: ReasoningEffort;
  stop?: string[];
  /** Functions the model may call (the tool loop, chat/toolLoop.ts). */
  tools?: ToolSpec[];
  /** The provider's own web search tool is offered (webSearchWire.ts); absent: not. */
  webSearch?: boolean;
  /**
   * Knowledge collections to search for the question; knowledge/knowledgeEngine.ts turns them
   * into context before the call, and no provider module reads it.
   */
  knowledge?: string[];
  /** Defaults to true; false makes one plain request normalized to the same events. */
  stream?: boolean;
}

export interface ModelInfo {
  id: string;
  name?: string;
  ownedBy?: string;
  created?: number;
}

/**
 * What reading an attempt yields: the normalized content events, then `end` when the wire's
 * own terminal marker arrived. An attempt that stops without `end` was cut off. An in-stream
 * error is yielded as `error` (the text before it is kept).
 */
export type AdapterEvent =
  | Extract<
      StreamEvent,
      { type: 'metadata' | 'text' | 'reasoning' | 'refusal' | 'error' | 'toolCall' | 'citation' }
    >
  /**
   * `inputOnly`: only the prompt side is final so far (Anthropic's message_start); if no later
   * count comes, the engine estimates the output side and keeps these input figures.
   */
  | { type: 'usage'; usage: Usage; inputOnly?: boolean }
  | { type: 'end'; finishReason: FinishReason; providerFinishReason: string | null };

/** One server-sent event as it arrived: its name (null for a bare `data:` line) and data. */
export interface SseMessage {
  event: string | null;
  data: string;
  id?: string;
}

/**
 * A dialect's reading of one answer. The engine reads the body once (sseReader.ts) and hands
 * each event here synchronously: no async layer per token.
 */
export interface AnswerReader {
  /** One event of a streamed answer; an `error` or `end` appended to `out` ends the attempt. */
  event(message: SseMessage, out: AdapterEvent[]): void;
  /** A whole JSON answer: a non-streamed call, or a server (proxy) that ignored `stream: true`. */
  whole(body: unknown, out: AdapterEvent[]): void;
  /**
   * The body ended, or the connection broke, before an `end`: appends one if the answer's end
   * had already been told (a finish reason), so a reset after it loses nothing.
   */
  complete(out: AdapterEvent[]): void;
}

/** One HTTP attempt, answered: the raw response (body unread) and how to read it. */
export interface AdapterAttempt {
  response: Response;
  reader: AnswerReader;
}

/** One wire protocol. What it throws, the engine classifies (thrownErrors.ts). */
export interface ProviderAdapter {
  /** Sends the request; the engine reads the body and adds retries, timing, usage and finish. */
  start(request: ChatRequest, signal: AbortSignal): Promise<AdapterAttempt>;
  listModels(signal: AbortSignal): Promise<ModelInfo[]>;
  /**
   * What this wire API cannot carry of a request, as a sentence that says what to change; null
   * when it carries all of it. Checked before anything is sent: nothing is silently dropped.
   */
  unsupported?(request: ChatRequest): Said | null;
  /** A failure as this wire API explains it (a refused route: which setting to change). */
  explain?(error: ProviderError): ProviderError;
}
