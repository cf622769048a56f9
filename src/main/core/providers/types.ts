import type { FinishReason, StreamEvent } from '../../../shared/stream';

export type ProviderType = 'openai' | 'anthropic' | 'azure' | 'openai-compatible';
export const providerTypes: readonly ProviderType[] = [
  'openai',
  'anthropic',
  'azure',
  'openai-compatible',
];

/** Default sampling parameters a profile applies when a request names none. */
export interface ProfileDefaults {
  temperature?: number;
  topP?: number;
  maxTokens?: number;
}

/**
 * Where and how to call a provider. The key is resolved separately (KeyStore, environment)
 * and never stored here, so a profile can be saved, shown and exported as it is.
 */
export interface ProviderProfile {
  id: string;
  name: string;
  type: ProviderType;
  /** API base URL; for Azure, the resource endpoint (https://NAME.openai.azure.com). */
  baseUrl: string;
  defaultModel: string;
  /** Azure: the deployment to call; when absent the request's model names it. */
  deployment?: string;
  /** Azure: the api-version query parameter. */
  apiVersion?: string;
  organization?: string;
  project?: string;
  /** Non-secret extra headers (gateways, proxies); secret ones come in ProviderTarget. */
  headers?: Record<string, string>;
  defaults?: ProfileDefaults;
}

/** A profile with its credentials, resolved just before a call and dropped after it. */
export interface ProviderTarget {
  profile: ProviderProfile;
  /** Null for servers that need no key (a local Ollama, a gateway that injects it). */
  apiKey: string | null;
  /** Secret extra headers from the KeyStore (a gateway token); redacted like keys. */
  secretHeaders?: Record<string, string>;
  /** Azure Entra ID: a bearer token source used instead of a key. */
  azureTokenProvider?: () => Promise<string>;
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
  /** Called when `chunks` ended without an error: appends `end` if the wire's end was seen. */
  complete(out: AdapterEvent[]): void;
}

/** One wire protocol. What it throws, the engine classifies (thrownErrors.ts). */
export interface ProviderAdapter {
  /** Sends the request; the engine adds retries, timing, usage estimates and the finish. */
  start(request: ChatRequest, signal: AbortSignal): Promise<AdapterAttempt>;
  listModels(signal: AbortSignal): Promise<ModelInfo[]>;
}
