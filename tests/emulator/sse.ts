import type { ServerResponse } from 'node:http';
import type { Scenario } from './script';
import { holdSilently } from './silence';

/**
 * Writes Server-Sent Events the way real servers do, with the wire quirks a scenario asks for:
 * CRLF line endings, comments and keep-alives, one byte per write, or a cut connection.
 */
export class SseWriter {
  closed = false;
  private readonly eol: string;

  constructor(
    private readonly res: ServerResponse,
    private readonly scenario: Pick<Scenario, 'crlf' | 'bytes' | 'comments'>,
  ) {
    this.eol = scenario.crlf ? '\r\n' : '\n';
    res.on('close', () => (this.closed = true));
    // One write, one TCP segment: byte-by-byte delivery must reach the client as such.
    res.socket?.setNoDelay(true);
  }

  start(headers: Record<string, string>): void {
    this.res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      ...headers,
    });
  }

  async event(data: string, name?: string): Promise<void> {
    const lines = name ? [`event: ${name}`, `data: ${data}`] : [`data: ${data}`];
    await this.write(lines.join(this.eol) + this.eol + this.eol);
  }

  /** A comment line (`: …`), which SSE clients must ignore: keep-alives, OpenRouter's notices. */
  async comment(text: string): Promise<void> {
    await this.write(`: ${text}${this.eol}${this.eol}`);
  }

  /** A keep-alive between events when the scenario asks for comments. */
  async maybeKeepAlive(index: number, text = 'keep-alive'): Promise<void> {
    if (this.scenario.comments && index % 5 === 0) await this.comment(text);
  }

  async write(text: string): Promise<void> {
    if (this.closed) return;
    if (!this.scenario.bytes) {
      this.res.write(text);
      return;
    }
    // Byte by byte, multi-byte characters split across writes on purpose.
    const bytes = Buffer.from(text, 'utf8');
    for (let i = 0; i < bytes.length && !this.closed; i++) {
      this.res.write(bytes.subarray(i, i + 1));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * A dropped connection: the socket goes away mid-stream, no terminal chunk. It waits a
   * moment first so what was written reaches the client (tests then know what was kept).
   */
  async drop(): Promise<void> {
    this.closed = true;
    await new Promise((resolve) => setTimeout(resolve, 30));
    this.res.socket?.destroy();
  }

  /** A connection reset (TCP RST) once what was written has had a moment to arrive. */
  async reset(): Promise<void> {
    this.closed = true;
    await new Promise((resolve) => setTimeout(resolve, 30));
    this.res.socket?.resetAndDestroy();
  }

  /** Goes silent mid-stream with the connection open, until the client gives up (stall=N). */
  async stall(): Promise<void> {
    await holdSilently(this.res);
    this.closed = true;
  }

  end(): void {
    if (!this.closed) this.res.end();
    this.closed = true;
  }
}

/** Paces token `index` to the scenario's rate; yields to the loop now and then at full speed. */
export async function pace(started: number, index: number, rate: number): Promise<void> {
  const intervalMs = rate > 0 ? 1000 / rate : 0;
  const wait = started + (index + 1) * intervalMs - performance.now();
  if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
  else if (index % 256 === 0) await new Promise((resolve) => setImmediate(resolve));
}

/** Waits before the first token, sending keep-alives meanwhile when asked. */
export async function initialDelay(
  sse: SseWriter,
  scenario: Scenario,
  keepAlive: () => Promise<void>,
) {
  const until = performance.now() + scenario.delayMs;
  while (!sse.closed && performance.now() < until) {
    if (scenario.comments) await keepAlive();
    await new Promise((resolve) => setTimeout(resolve, Math.min(100, until - performance.now())));
  }
}
