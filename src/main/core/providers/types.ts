import type { FinishReason, StreamEvent } from '../../../shared/stream';

export type ProviderType = 'openai' | 'anthropic' | 'azure' | 'openai-compatible';
export const providerTypes: readonly ProviderType[] = [
  'openai',
  'anthropic',
  'azure',
  'openai-compatible',
];

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

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  model: string;
  system?: string;
  messages: ChatTurn[];
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  stop?: string[];
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
 * What one adapter attempt yields: the normalized content events, then `end` when the wire's
 * own terminal marker arrived. An attempt that stops without `end` was cut off. An in-stream
 * error is yielded as `error` (the text before it is kept).
 */
export type AdapterEvent =
  | Extract<StreamEvent, { type: 'metadata' | 'text' | 'reasoning' | 'usage' | 'error' }>
  | { type: 'end'; finishReason: FinishReason; providerFinishReason: string | null };

/**
 * One HTTP attempt, opened. The engine iterates `chunks` (the SDK's own stream, or the single
 * answer of a non-streamed call) itself and has each normalized synchronously: no extra async
 * layer per token between the SDK and the engine (see the pipeline benchmark).
 */
export interface AdapterAttempt<Chunk = unknown> {
  chunks: AsyncIterable<Chunk>;
  /** Appends the events of one chunk to `out`; an `error` or `end` there ends the attempt. */
  normalize(chunk: Chunk, out: AdapterEvent[]): void;
  /**
   * Called when `chunks` ended without an error: appends `end` if the wire's end was seen.
   * `sawDoneMarker`: the stream carried `data: [DONE]` (the SDK hides it).
   */
  complete(out: AdapterEvent[], sawDoneMarker: boolean): void;
}

/** One wire protocol. What it throws, the engine classifies (thrownErrors.ts). */
export interface ProviderAdapter {
  /** Sends the request; the engine adds retries, timing, usage estimates and the finish. */
  start(request: ChatRequest, signal: AbortSignal): Promise<AdapterAttempt>;
  listModels(signal: AbortSignal): Promise<ModelInfo[]>;
}
