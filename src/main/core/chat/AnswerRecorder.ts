import { combineFigures, type AnswerFigures } from '../../../shared/answerFigures';
import type { StreamEvent, Usage } from '../../../shared/stream';
import type { AnswerEnd, MessageStore } from '../store/MessageStore';
import type { PersistSave } from '../store/PendingSaves';

/** How the recorder's writes survive a full disk or a lock (PendingSaves in the app). */
export interface AnswerSaving {
  /** The final save: done now, or kept and retried until it goes through. Usage rows use it too. */
  persist: PersistSave;
  /** A mid-stream save failed; the person is told once. */
  partialFailed(error: unknown): void;
}

/** Without a retry queue (unit tests, benchmarks): a failed save throws, as before. */
export const saveAtOnce: AnswerSaving = {
  persist: (save) => save(),
  partialFailed: (error) => {
    throw error;
  },
};

/** Mid-stream saves at least this often, so a crash loses at most about this much text. */
export const SAVE_INTERVAL_MS = 500;

/**
 * Persists an answer while it streams: the text at most every `saveIntervalMs` (one cheap
 * UPDATE), and everything (finish reason, usage, timing, error) at the finish event, which
 * ChatService guarantees for every stop, error and success. When a mid-stream save fails (a full
 * disk), the stream goes on and later ones are skipped: each would block on the same fault, and
 * the final save, kept until it goes through, carries the whole text anyway.
 */
export class AnswerRecorder {
  private content: string;
  private reasoning: string;
  private refusal = '';
  private model: string | null = null;
  private providerMessageId: string | null = null;
  private usage: Usage | null = null;
  private error: AnswerEnd['error'] = null;
  private lastSave: number;
  private dirty = false;
  private ended: AnswerEnd | null = null;
  private partialSavesFailed = false;
  /** A continued answer's earlier figures: the stored message shows the whole answer's. */
  private readonly earlier: AnswerFigures | null;

  constructor(
    private readonly messages: MessageStore,
    private readonly messageId: string,
    /** Text already in the message (a continued answer grows from it). */
    base: { content: string; reasoning: string; figures?: AnswerFigures },
    private readonly saveIntervalMs = SAVE_INTERVAL_MS,
    private readonly clock: () => number = () => performance.now(),
    private readonly saving: AnswerSaving = saveAtOnce,
  ) {
    this.content = base.content;
    this.reasoning = base.reasoning;
    this.earlier = base.figures ?? null;
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
      case 'refusal':
        // Short, and only final at the end: saved with the finish, not mid-stream.
        this.refusal += event.text;
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
    if (
      this.dirty &&
      !this.partialSavesFailed &&
      this.clock() - this.lastSave >= this.saveIntervalMs
    )
      this.save();
  }

  /** What this call ended as (null until the finish event): its own figures, for the ledger. */
  get result(): AnswerEnd | null {
    return this.ended;
  }

  private save(): void {
    try {
      this.messages.saveStreamingText(this.messageId, this.content, this.reasoning);
    } catch (error) {
      this.partialSavesFailed = true;
      this.saving.partialFailed(error);
      return;
    }
    this.lastSave = this.clock();
    this.dirty = false;
  }

  private end(event: Extract<StreamEvent, { type: 'finish' }>): void {
    if (this.ended) return;
    this.ended = {
      content: this.content,
      reasoning: this.reasoning,
      refusal: this.refusal,
      model: this.model,
      providerMessageId: this.providerMessageId,
      usage: this.usage,
      error: this.error,
      finishReason: event.finishReason,
      providerFinishReason: event.providerFinishReason,
      timing: event.timing,
    };
    const ended = this.earlier
      ? {
          ...this.ended,
          ...combineFigures(this.earlier, {
            usage: this.ended.usage ?? null,
            timing: this.ended.timing ?? null,
          }),
        }
      : this.ended;
    this.saving.persist(() => this.messages.finish(this.messageId, ended), {
      unsaved: { kind: 'answerEnd', messageId: this.messageId, end: ended },
    });
  }
}
