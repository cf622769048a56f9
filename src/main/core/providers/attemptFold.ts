import type { FinishReason, ProviderError, StreamEvent, Usage } from '../../../shared/stream';
import { estimateUsage } from './estimateUsage';
import type { AdapterEvent, ChatRequest } from './types';

interface Reported {
  usage: Usage;
  inputOnly: boolean;
}

/**
 * What one engine call has gathered across its attempts, for the engine's own decisions: the
 * first-token time, the text pieces (for an estimate), the provider's usage, the wire's end and an
 * error. `take` runs for every adapter event. What an answer is, for its callers, is folded from
 * the normalized events by the shared `AnswerFold` (src/shared/answerFold.ts).
 */
export class AttemptFold {
  ttftMs: number | null = null;
  end: { finishReason: FinishReason; providerFinishReason: string | null } | null = null;
  error: ProviderError | null = null;
  private reported: Reported | null = null;
  // Pieces, joined only if an estimate needs them: cheaper per token than growing a string.
  private readonly text: string[] = [];
  private readonly reasoning: string[] = [];
  private readonly refusal: string[] = [];

  constructor(private readonly elapsed: () => number) {}

  /** Whether the attempt has ended (its end marker or an in-stream error came). */
  get stopped(): boolean {
    return this.end !== null || this.error !== null;
  }

  /** Records one adapter event; returns it when it goes out to the caller as it is. */
  take(event: AdapterEvent): StreamEvent | null {
    switch (event.type) {
      case 'text':
        this.ttftMs ??= this.elapsed();
        this.text.push(event.text);
        return event;
      case 'reasoning':
        this.ttftMs ??= this.elapsed();
        this.reasoning.push(event.text);
        return event;
      case 'refusal':
        this.ttftMs ??= this.elapsed();
        this.refusal.push(event.text);
        return event;
      case 'usage':
        this.reported = { usage: event.usage, inputOnly: event.inputOnly === true };
        return null;
      case 'error':
        this.error = event.error;
        return null;
      case 'end':
        this.end = {
          finishReason: event.finishReason,
          providerFinishReason: event.providerFinishReason,
        };
        return null;
      default:
        return event;
    }
  }

  /** A refusal's answer ends as one, whatever finish reason the wire named beside it. */
  finishReason(aborted: boolean): FinishReason {
    if (aborted) return 'cancelled';
    if (this.error || !this.end) return 'error';
    if (this.refusal.length > 0 && this.end.finishReason === 'stop') return 'refusal';
    return this.end.finishReason;
  }

  /**
   * The usage to record: the provider's own figures; where it reported only the prompt side
   * (a stream cut before its final count), those figures kept and the output estimated; where
   * it reported nothing, all of it estimated. Null when nothing was produced or paid for.
   */
  async usage(request: ChatRequest, finishReason: FinishReason): Promise<Usage | null> {
    const reported = this.reported;
    if (reported && !reported.inputOnly) return reported.usage;
    const produced = this.text.length + this.reasoning.length + this.refusal.length > 0;
    if (!reported && !produced && finishReason !== 'stop' && finishReason !== 'length') return null;
    const estimate = await estimateUsage(request, {
      text: this.text.join('') + this.refusal.join(''),
      reasoning: this.reasoning.join(''),
    });
    if (!reported) return estimate;
    const input = reported.usage;
    const usage: Usage = {
      ...estimate,
      inputTokens: input.inputTokens,
      totalTokens: input.inputTokens + estimate.outputTokens,
      // Part of it is ours: the whole row is marked so no one takes it for a bill.
      source: 'estimated',
    };
    if (input.cachedInputTokens !== undefined) usage.cachedInputTokens = input.cachedInputTokens;
    if (input.cacheWriteTokens !== undefined) usage.cacheWriteTokens = input.cacheWriteTokens;
    return usage;
  }
}
