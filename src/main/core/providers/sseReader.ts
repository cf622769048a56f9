import { createParser } from 'eventsource-parser';
import type { SseMessage } from './types';

/** Who else hears each event as it is parsed (the inspector's capture). */
export interface SseListener {
  event(message: SseMessage): void;
  comment(text: string): void;
}

/**
 * The one parse of a streamed answer's body: yields the server-sent events of each network
 * read, as a batch the caller handles synchronously before asking for the next (the batch
 * array is reused). A listener hears the same events, so capturing costs no second parse.
 * Leaving early (an error or the end marker came) cancels the body, closing the connection.
 */
export async function* readSse(
  body: ReadableStream<Uint8Array>,
  listener: SseListener | null,
): AsyncGenerator<SseMessage[]> {
  const batch: SseMessage[] = [];
  const parser = createParser({
    onEvent(event) {
      const message: SseMessage = { event: event.event ?? null, data: event.data };
      if (event.id !== undefined) message.id = event.id;
      batch.push(message);
      listener?.event(message);
    },
    ...(listener ? { onComment: (comment: string) => listener.comment(comment) } : {}),
  });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
      if (batch.length > 0) {
        yield batch;
        batch.length = 0;
      }
    }
    finished = true;
    parser.feed(decoder.decode());
    if (batch.length > 0) yield batch;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
