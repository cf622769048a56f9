import type { StreamEvent, Usage } from '../../../shared/stream';
import type { AnswerEnd, MessageStore } from '../store/MessageStore';

/** Mid-stream saves at least this often, so a crash loses at most about this much text. */
export const SAVE_INTERVAL_MS = 500;

/**
 * Persists an answer while it streams: the text at most every `saveIntervalMs` (one cheap
 * UPDATE), and everything (finish reason, usage, timing, error) at the finish event, which
 * ChatService guarantees for every stop, error and success.
 */
export class AnswerRecorder {
  private content: string;
  private reasoning: string;
  private model: string | null = null;
  private providerMessageId: string | null = null;
  private usage: Usage | null = null;
  private error: AnswerEnd['error'] = null;
  private lastSave: number;
  private dirty = false;
  private ended: AnswerEnd | null = null;

  constructor(
    private readonly messages: MessageStore,
    private readonly messageId: string,
    /** Text already in the message (a continued answer grows from it). */
    base: { content: string; reasoning: string },
    private readonly saveIntervalMs = SAVE_INTERVAL_MS,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.content = base.content;
    this.reasoning = base.reasoning;
    this.lastSave = clock();
  }

  push(event: StreamEvent): void {
    switch (event.type) {
      case 'text':
        this.content += event.text;
        this.dirty = true;
        break;
      case 'reasoning':
        this.reasoning += event.text;
        this.dirty = true;
        break;
      case 'metadata':
        this.model = event.model ?? this.model;
        this.providerMessageId = event.id ?? this.providerMessageId;
        break;
      case 'usage':
        this.usage = event.usage;
        break;
      case 'error':
        this.error = event.error;
        break;
      case 'finish':
        this.end(event);
        return;
    }
    if (this.dirty && this.clock() - this.lastSave >= this.saveIntervalMs) this.save();
  }

  /** What the answer ended as (null until the finish event). */
  get result(): AnswerEnd | null {
    return this.ended;
  }

  private save(): void {
    this.messages.saveStreamingText(this.messageId, this.content, this.reasoning);
    this.lastSave = this.clock();
    this.dirty = false;
  }

  private end(event: Extract<StreamEvent, { type: 'finish' }>): void {
    if (this.ended) return;
    this.ended = {
      content: this.content,
      reasoning: this.reasoning,
      model: this.model,
      providerMessageId: this.providerMessageId,
      usage: this.usage,
      error: this.error,
      finishReason: event.finishReason,
      providerFinishReason: event.providerFinishReason,
      timing: event.timing,
    };
    this.messages.finish(this.messageId, this.ended);
  }
}
