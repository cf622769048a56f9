import type { StreamEvent } from '../../../shared/stream';
import type { AttemptFold } from './attemptFold';
import type { CaptureContext } from './exchange';
import { redactSecrets } from './redact';
import { readSse, type SseListener } from './sseReader';
import type { AdapterAttempt, AdapterEvent } from './types';

/**
 * Whether a body is one whole JSON answer rather than an event stream. Decided by the response,
 * not the request: a proxy that ignores `stream: true` answers with JSON, and that is the answer.
 */
export function isWholeJsonBody(response: Response): boolean {
  const type = (response.headers.get('content-type') ?? '').toLowerCase();
  return !type.includes('event-stream') && /\bjson\b/.test(type);
}

/** Hands each parsed event to the inspector as it arrives (redacted), so capture costs no parse. */
export function captureListener(ctx: CaptureContext): SseListener | null {
  const observer = ctx.observer;
  if (!observer?.onRawEvent) return null;
  const attempt = ctx.attempt;
  return {
    event(message) {
      observer.onRawEvent?.({
        attempt,
        event: message.event,
        // An in-stream error can quote the key like an error body does.
        data: redactSecrets(message.data, ctx.secrets),
        ...(message.id !== undefined ? { id: message.id } : {}),
        atMs: ctx.now(),
      });
    },
    comment(text) {
      observer.onRawEvent?.({
        attempt,
        event: 'comment',
        data: redactSecrets(text, ctx.secrets),
        atMs: ctx.now(),
      });
    },
  };
}

async function wholeAnswer(opened: AdapterAttempt, out: AdapterEvent[]): Promise<void> {
  const text = await opened.response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new SyntaxError('the answer was not valid JSON');
  }
  opened.reader.whole(body, out);
}

/**
 * Reads one answered attempt into `fold`, yielding what goes out as it arrives. The hot loop:
 * one network read in, its events parsed once and normalized synchronously. Returns when the
 * body ends or the answer's end or an error came; throws what broke the reading.
 */
export async function* readAttempt(
  opened: AdapterAttempt,
  fold: AttemptFold,
  listener: SseListener | null,
  takeRateLimit: () => StreamEvent | null,
): AsyncGenerator<StreamEvent> {
  const { response, reader } = opened;
  const out: AdapterEvent[] = [];
  if (isWholeJsonBody(response)) {
    // whole() always ends with `end` or `error`.
    await wholeAnswer(opened, out);
    const rateLimit = takeRateLimit();
    if (rateLimit) yield rateLimit;
    for (const event of out) {
      const taken = fold.take(event);
      if (taken) yield taken;
    }
    return;
  }
  if (!response.body) return;
  for await (const batch of readSse(response.body, listener)) {
    const rateLimit = takeRateLimit();
    if (rateLimit) yield rateLimit;
    for (let m = 0; m < batch.length; m++) {
      reader.event(batch[m]!, out);
      for (let i = 0; i < out.length; i++) {
        const taken = fold.take(out[i]!);
        if (taken) yield taken;
      }
      out.length = 0;
      // An in-stream error or the end marker ends the attempt; leaving closes the connection.
      if (fold.stopped) return;
    }
  }
  reader.complete(out);
  for (const event of out) fold.take(event);
}
