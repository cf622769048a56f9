import type { ProviderError } from '../../../shared/stream';
import { looksLikeHtml } from './errors';
import { spoken } from '../../../shared/said';

/** Enough of a body to tell an HTML page from an API answer. */
const headBytes = 512;

/**
 * The first bytes of one attempt's response body and how many came, read off the body's reads
 * the engine already watches (no extra pass over a long answer).
 */
export class BodyHead {
  bytes = 0;
  private readonly chunks: Uint8Array[] = [];
  private kept = 0;

  see(chunk: Uint8Array): void {
    this.bytes += chunk.byteLength;
    if (this.kept >= headBytes) return;
    const part = chunk.subarray(0, headBytes - this.kept);
    this.chunks.push(part);
    this.kept += part.byteLength;
  }

  text(): string {
    return new TextDecoder().decode(Buffer.concat(this.chunks));
  }

  reset(): void {
    this.bytes = 0;
    this.chunks.length = 0;
    this.kept = 0;
  }
}

/**
 * A successful status with no API answer behind it: a captive portal's or a web server's HTML
 * page, or an empty body. Said as what it is, and not retried (the same page comes back), where
 * the SDKs would make it a cut stream, a parse error, or an answer with no text at all.
 * Whatever the attempt's own failure was (a cut stream, a parse error, an SDK's TypeError on
 * a missing field), a body with no bytes is said as just that.
 */
export function unexpectedAnswer(
  status: number | null,
  headers: Headers | null,
  head: BodyHead,
): ProviderError | null {
  if (status === null || status < 200 || status >= 300) return null;
  const contentType = headers?.get('content-type') ?? '';
  if (/text\/html/i.test(contentType) || (head.bytes > 0 && looksLikeHtml(head.text()))) {
    return {
      kind: 'malformed_response',
      status,
      ...spoken('engine.okHtmlPage', { status }),
    };
  }
  if (head.bytes === 0 && status !== 204) {
    return {
      kind: 'malformed_response',
      status,
      ...spoken('engine.okEmptyBody', { status }),
    };
  }
  return null;
}
