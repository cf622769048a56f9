/**
 * The one fold of normalized stream events into an answer: its parts in the order they came, the
 * finish reason (ours and the provider's), usage, the provider's message id and model, timings
 * and the error. Chat, regenerate and continue (AnswerRecorder), titles, compare and the CLI all
 * fold with it, so an answer means the same thing everywhere (DESIGN.md, "The answer fold").
 */
import { isTextualPart, textOfKind, type MessagePart, type TextualPartType } from './messageParts';
import type { FinishReason, ProviderError, StreamEvent, StreamTiming, Usage } from './stream';

/** What an answer is once folded (a snapshot; the fold goes on growing). */
export interface FoldedAnswer {
  parts: MessagePart[];
  /** Null until the finish event. */
  finishReason: FinishReason | null;
  providerFinishReason: string | null;
  usage: Usage | null;
  providerMessageId: string | null;
  model: string | null;
  timing: StreamTiming | null;
  error: ProviderError | null;
}

/** A part still growing: its pieces, joined only when someone reads it; a tool part is whole. */
type OpenPart =
  | { type: TextualPartType; pieces: string[] }
  | { type: 'whole'; part: Exclude<MessagePart, { type: TextualPartType }> };

/**
 * Deltas are pushed as pieces and joined lazily (and then kept joined), so a delta costs O(1)
 * amortized however long the answer, and reading the parts now and then (a mid-stream save)
 * costs one join of what came since.
 */
export class AnswerFold {
  providerFinishReason: string | null = null;
  finishReason: FinishReason | null = null;
  usage: Usage | null = null;
  providerMessageId: string | null = null;
  model: string | null = null;
  timing: StreamTiming | null = null;
  error: ProviderError | null = null;
  private readonly open: OpenPart[];
  /** Bumped by every delta, so a reader can tell whether anything came since it last looked. */
  private version = 0;

  /** `base`: the parts already there (a continued answer grows from them). */
  constructor(base: readonly MessagePart[] = []) {
    this.open = base.map((part) =>
      isTextualPart(part) ? { type: part.type, pieces: [part.text] } : { type: 'whole', part },
    );
  }

  /** Folds one event in; returns whether the answer's content grew. */
  push(event: StreamEvent): boolean {
    switch (event.type) {
      case 'text':
      case 'reasoning':
      case 'refusal':
        return this.append(event.type, event.text);
      case 'metadata':
        this.providerMessageId = event.id ?? this.providerMessageId;
        this.model = event.model ?? this.model;
        return false;
      case 'usage':
        this.usage = event.usage;
        return false;
      case 'toolCall': {
        const { type: _event, ...call } = event;
        return this.add({ type: 'tool-call', ...call });
      }
      case 'toolStatus':
        return this.markCall(event.callId, event.status);
      case 'toolResult': {
        const { type: _event, ...result } = event;
        return this.add({ type: 'tool-result', ...result });
      }
      case 'citation':
        return this.cite(event.title, event.url);
      case 'error':
        this.error = event.error;
        return false;
      case 'finish':
        this.finishReason = event.finishReason;
        this.providerFinishReason = event.providerFinishReason;
        this.timing = event.timing;
        return false;
      default:
        // Retries and rate limits say how the call went, not what the answer is.
        return false;
    }
  }

  /** Whether the finish event has come. */
  get finished(): boolean {
    return this.finishReason !== null;
  }

  /** Grows on every delta: compare two readings to know whether the content changed. */
  get contentVersion(): number {
    return this.version;
  }

  parts(): MessagePart[] {
    return this.open.map((part) =>
      part.type === 'whole' ? part.part : { type: part.type, text: joined(part) },
    );
  }

  /** Whether any part of this kind came (a refusal, however short). */
  has(type: TextualPartType): boolean {
    return this.open.some((part) => part.type === type);
  }

  /** The parts of one kind joined: the answer's text, its thinking, its refusal. */
  textOf(type: TextualPartType): string {
    return textOfKind(this.parts(), type);
  }

  answer(): FoldedAnswer {
    return {
      parts: this.parts(),
      finishReason: this.finishReason,
      providerFinishReason: this.providerFinishReason,
      usage: this.usage,
      providerMessageId: this.providerMessageId,
      model: this.model,
      timing: this.timing,
      error: this.error,
    };
  }

  private add(part: Exclude<MessagePart, { type: TextualPartType }>): boolean {
    this.open.push({ type: 'whole', part });
    this.version++;
    return true;
  }

  /** A source once per answer, however often the text cites it. */
  private cite(title: string, url: string): boolean {
    const seen = this.open.some(
      (item) => item.type === 'whole' && item.part.type === 'citation' && item.part.url === url,
    );
    if (seen || !url) return false;
    return this.add({ type: 'citation', title, url });
  }

  private markCall(callId: string, status: 'denied' | 'skipped'): boolean {
    const open = this.open.find(
      (item) =>
        item.type === 'whole' && item.part.type === 'tool-call' && item.part.callId === callId,
    );
    if (open?.type !== 'whole' || open.part.type !== 'tool-call') return false;
    open.part = { ...open.part, status };
    this.version++;
    return true;
  }

  private append(type: TextualPartType, text: string): boolean {
    if (!text) return false;
    // A source cited mid-answer does not split the text it is cited in (citations are listed apart).
    const last = this.open.findLast(
      (item) => !(item.type === 'whole' && item.part.type === 'citation'),
    );
    if (last && last.type === type && 'pieces' in last) last.pieces.push(text);
    else this.open.push({ type, pieces: [text] });
    this.version++;
    return true;
  }
}

function joined(part: Extract<OpenPart, { pieces: string[] }>): string {
  if (part.pieces.length === 1) return part.pieces[0]!;
  const text = part.pieces.join('');
  part.pieces = [text];
  return text;
}

/** Folds a whole finished stream (tests, one-shot callers). */
export function foldAnswer(
  events: Iterable<StreamEvent>,
  base?: readonly MessagePart[],
): FoldedAnswer {
  const fold = new AnswerFold(base);
  for (const event of events) fold.push(event);
  return fold.answer();
}
