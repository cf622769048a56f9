import OpenAI from 'openai';
import type { StreamEvent } from '../../../shared/stream';
import type { ChatRequest, ProviderAdapter, ProviderProfile } from './types';

/**
 * Thin OpenAI Chat Completions adapter for the walking skeleton: streams text and finishes.
 * The provider engine (issue 3) replaces it with full normalization, errors and retries.
 */
export function createOpenAIChatAdapter(profile: ProviderProfile, apiKey: string | null): ProviderAdapter {
  const client = new OpenAI({ apiKey: apiKey ?? 'no-key', baseURL: profile.baseUrl, maxRetries: 0 });
  return {
    async *stream(request: ChatRequest, signal: AbortSignal): AsyncIterable<StreamEvent> {
      const started = performance.now();
      let ttftMs: number | null = null;
      let providerFinishReason: string | null = null;
      try {
        const messages = [
          ...(request.system ? [{ role: 'system' as const, content: request.system }] : []),
          ...request.messages,
        ];
        const stream = await client.chat.completions.create(
          { model: request.model, messages, stream: true, stream_options: { include_usage: true } },
          { signal },
        );
        let sentMetadata = false;
        for await (const chunk of stream) {
          if (!sentMetadata) {
            sentMetadata = true;
            yield { type: 'metadata', id: chunk.id, model: chunk.model, created: chunk.created };
          }
          const choice = chunk.choices[0];
          const text = choice?.delta?.content;
          if (text) {
            ttftMs ??= performance.now() - started;
            yield { type: 'text', text };
          }
          if (choice?.finish_reason) providerFinishReason = choice.finish_reason;
          if (chunk.usage) {
            yield {
              type: 'usage',
              usage: {
                inputTokens: chunk.usage.prompt_tokens,
                outputTokens: chunk.usage.completion_tokens,
                totalTokens: chunk.usage.total_tokens,
                source: 'provider',
              },
            };
          }
        }
        const timing = { ttftMs, totalMs: performance.now() - started };
        // The SDK ends iteration quietly when aborted: that is a stop, not a finished answer.
        if (signal.aborted) {
          yield { type: 'finish', finishReason: 'cancelled', providerFinishReason: null, timing };
          return;
        }
        yield {
          type: 'finish',
          finishReason: providerFinishReason === 'length' ? 'length' : 'stop',
          providerFinishReason,
          timing,
        };
      } catch (error) {
        const timing = { ttftMs, totalMs: performance.now() - started };
        if (signal.aborted) {
          yield { type: 'finish', finishReason: 'cancelled', providerFinishReason: null, timing };
          return;
        }
        const status = error instanceof OpenAI.APIError ? (error.status ?? null) : null;
        const message = error instanceof Error ? error.message : 'The request failed.';
        yield { type: 'error', error: { kind: status ? 'server' : 'network', status, message } };
        yield { type: 'finish', finishReason: 'error', providerFinishReason: null, timing };
      }
    },
  };
}
