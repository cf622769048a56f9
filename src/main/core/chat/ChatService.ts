import { randomUUID } from 'node:crypto';
import type { EventSink, SendMessageResponse } from '../../../shared/ipc';
import type { StreamEvent } from '../../../shared/stream';
import { streamChat, type EngineOptions } from '../providers/streamChat';
import type { ChatRequest, ChatTurn, ProviderProfile, ProviderTarget } from '../providers/types';
import { StreamCoalescer } from './StreamCoalescer';

export interface ChatServiceDeps {
  /** The profile new messages go to (the keys and profiles issue makes this a choice). */
  activeProfile: () => ProviderProfile;
  /** Resolves the profile's credentials (KeyStore, environment) just before a call. */
  targetFor: (profile: ProviderProfile) => Promise<ProviderTarget>;
  /** The provider engine; tests and benchmarks may wrap it. */
  engine?: (
    target: ProviderTarget,
    request: ChatRequest,
    options: EngineOptions,
  ) => AsyncIterable<StreamEvent>;
  emit: EventSink;
  flushIntervalMs?: number;
}

interface ActiveStream {
  controller: AbortController;
  done: Promise<void>;
}

/**
 * Sends a message, streams the answer to the renderer through a coalescer, and stops it on
 * request. History is kept per conversation so follow-ups carry context.
 */
export class ChatService {
  private readonly histories = new Map<string, ChatTurn[]>();
  private readonly streams = new Map<string, ActiveStream>();

  constructor(private readonly deps: ChatServiceDeps) {}

  send(input: { conversationId?: string | undefined; text: string }): SendMessageResponse {
    const conversationId = input.conversationId ?? randomUUID();
    const history = this.histories.get(conversationId) ?? [];
    history.push({ role: 'user', content: input.text });
    this.histories.set(conversationId, history);

    const response: SendMessageResponse = {
      conversationId,
      userMessageId: randomUUID(),
      assistantMessageId: randomUUID(),
      streamId: randomUUID(),
    };
    const controller = new AbortController();
    const done = this.run(response, [...history], controller.signal).finally(() =>
      this.streams.delete(response.streamId),
    );
    this.streams.set(response.streamId, { controller, done });
    return response;
  }

  /** Aborts the HTTP request at once; what already arrived is kept. */
  stop(streamId: string): boolean {
    const stream = this.streams.get(streamId);
    if (!stream) return false;
    stream.controller.abort();
    return true;
  }

  /** Resolves when every running stream has ended (used at quit and by tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.streams.values()].map((s) => s.done));
  }

  private async run(
    ids: SendMessageResponse,
    turns: ChatTurn[],
    signal: AbortSignal,
  ): Promise<void> {
    const { conversationId, assistantMessageId: messageId, streamId } = ids;
    const coalescer = new StreamCoalescer(
      (events) => this.deps.emit('chatStream', { streamId, conversationId, messageId, events }),
      this.deps.flushIntervalMs,
    );
    const profile = this.deps.activeProfile();
    let answer = '';
    let finished = false;
    const push = (event: StreamEvent): void => {
      if (event.type === 'text') answer += event.text;
      if (event.type === 'finish') finished = true;
      coalescer.push(event);
    };
    const started = performance.now();
    try {
      const target = await this.deps.targetFor(profile);
      const engine = this.deps.engine ?? streamChat;
      const request = { model: profile.defaultModel, messages: turns };
      for await (const event of engine(target, request, { signal })) {
        push(event);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : 'The request failed.';
      push({ type: 'error', error: { kind: 'network', status: null, message } });
    } finally {
      if (!finished) {
        const timing = { ttftMs: null, totalMs: performance.now() - started };
        push({
          type: 'finish',
          finishReason: signal.aborted ? 'cancelled' : 'error',
          providerFinishReason: null,
          timing,
        });
      }
      coalescer.flush();
      if (answer) this.histories.get(conversationId)?.push({ role: 'assistant', content: answer });
    }
  }
}
