import { combineFigures, type AnswerFigures } from '../../../shared/answerFigures';
import { AnswerFold } from '../../../shared/answerFold';
import type { MessagePart } from '../../../shared/messageParts';
import type { StreamEvent } from '../../../shared/stream';
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
  private readonly fold: AnswerFold;
  private lastSave: number;
  /** The fold's content version last saved: newer means a mid-stream save has work to do. */
  private savedVersion: number;
  private ended: AnswerEnd | null = null;
  private partialSavesFailed = false;
  /** A continued answer's earlier figures: the stored message shows the whole answer's. */
  private readonly earlier: AnswerFigures | null;

  constructor(
    private readonly messages: MessageStore,
    private readonly messageId: string,
    /** What is already in the message (a continued answer grows from it). */
    base: { parts: readonly MessagePart[]; figures?: AnswerFigures },
    private readonly saveIntervalMs = SAVE_INTERVAL_MS,
    private readonly clock: () => number = () => performance.now(),
    private readonly saving: AnswerSaving = saveAtOnce,
  ) {
    this.fold = new AnswerFold(base.parts);
    this.savedVersion = this.fold.contentVersion;
    this.earlier = base.figures ?? null;
    this.lastSave = clock();
  }

  push(event: StreamEvent): void {
    this.fold.push(event);
    if (event.type === 'finish') {
      this.end();
      return;
    }
    if (
      this.fold.contentVersion !== this.savedVersion &&
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
    const version = this.fold.contentVersion;
    try {
      this.messages.saveStreamingParts(this.messageId, this.fold.parts());
    } catch (error) {
      this.partialSavesFailed = true;
      this.saving.partialFailed(error);
      return;
    }
    this.lastSave = this.clock();
    this.savedVersion = version;
  }

  private end(): void {
    if (this.ended) return;
    const answer = this.fold.answer();
    this.ended = {
      parts: answer.parts,
      model: answer.model,
      providerMessageId: answer.providerMessageId,
      usage: answer.usage,
      error: answer.error,
      finishReason: answer.finishReason ?? 'error',
      providerFinishReason: answer.providerFinishReason,
      timing: answer.timing,
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
