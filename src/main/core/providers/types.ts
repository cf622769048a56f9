import type { StreamEvent } from '../../../shared/stream';

export type ProviderType = 'openai' | 'anthropic' | 'azure' | 'openai-compatible';

/** Where and how to call a provider. The key is resolved separately and never stored here. */
export interface ProviderProfile {
  id: string;
  name: string;
  type: ProviderType;
  baseUrl: string;
  defaultModel: string;
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
  maxTokens?: number;
}

/** One wire protocol: turns a request into the normalized event stream, ending with `finish`. */
export interface ProviderAdapter {
  stream(request: ChatRequest, signal: AbortSignal): AsyncIterable<StreamEvent>;
}
