import { abbreviatePayloads } from './abbreviatePayloads';
import { redactHeaders, redactSecrets } from './redact';

/**
 * Exchange capture for the inspector: what went out (key redacted) and what came back, with
 * arrival times. Times are milliseconds since the call began, on the clock that times the answer.
 */
export interface CapturedRequest {
  attempt: number;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
  atMs: number;
}

export interface CapturedResponse {
  attempt: number;
  status: number;
  statusText: string;
  headers: Record<string, string>;
  atMs: number;
}

export interface RawStreamEvent {
  attempt: number;
  /** SSE event name; null for a plain `data:` line; 'comment' for a `:` line (keep-alives). */
  event: string | null;
  data: string;
  id?: string;
  atMs: number;
}

export interface CapturedBody {
  attempt: number;
  text: string;
  truncated: boolean;
  atMs: number;
}

/** Optional hooks; an engine call with no observer pays only for reading response headers. */
export interface ExchangeObserver {
  onRequest?(request: CapturedRequest): void;
  onResponse?(response: CapturedResponse): void;
  /** The raw SSE events of a streamed answer, as the engine parses them. */
  onRawEvent?(event: RawStreamEvent): void;
  /** The full body of a non-streamed answer or an error response (size-capped). */
  onBody?(body: CapturedBody): void;
}

export interface CaptureContext {
  attempt: number;
  now: () => number;
  observer: ExchangeObserver | undefined;
  secrets: string[];
  secretHeaderNames: string[];
  /** Told of every response's headers (rate limits, request id, x-should-retry). */
  onHeaders: (response: Response) => void;
  /**
   * Told of an error response's body. The SDKs drop bodies without an `error` key (vLLM's
   * `{"object":"error","message":…}`), so the engine reads the words from here.
   */
  onErrorBody?: (text: string) => void;
  /** Told of every network read of a response body (the idle timeout, the body's first bytes). */
  onBodyData?: (chunk: Uint8Array) => void;
}

const maxErrorBodyChars = 64_000;

const maxBodyChars = 2_000_000;

function redactUrl(url: string, secrets: string[]): string {
  try {
    const parsed = new URL(url);
    for (const name of [...parsed.searchParams.keys()]) {
      if (/key|token|secret|sig/i.test(name)) parsed.searchParams.set(name, '[redacted]');
    }
    return redactSecrets(parsed.toString(), secrets);
  } catch {
    return redactSecrets(url, secrets);
  }
}

function bodyText(body: RequestInit['body']): string | null {
  if (body === null || body === undefined) return null;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  return '[binary body]';
}

/**
 * Passes a whole (non-streamed or error) body through untouched while feeding a copy to the
 * observer. An event stream is not tapped here: the engine's one parse of it hands each event
 * to the observer (readAttempt.ts), so capture costs no second parse.
 */
function tapBody(response: Response, ctx: CaptureContext, attempt: number): Response {
  const observer = ctx.observer;
  if (!observer?.onBody || !response.body) return response;
  if ((response.headers.get('content-type') ?? '').includes('text/event-stream')) return response;
  const decoder = new TextDecoder();
  let text = '';
  let truncated = false;
  const tap = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      controller.enqueue(chunk);
      if (text.length < maxBodyChars) text += decoder.decode(chunk, { stream: true });
      else truncated = true;
    },
    flush() {
      observer.onBody?.({
        attempt,
        // Providers quote the key in 401 bodies ("Incorrect API key provided: …"): the store, the
        // inspector and Copy JSON get the body with it struck out.
        text: redactSecrets(text.slice(0, maxBodyChars), ctx.secrets),
        truncated,
        atMs: ctx.now(),
      });
    },
  });
  return new Response(response.body.pipeThrough(tap), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/** Tells `onData` of every network read of the body (the idle timer's sign of life). */
function watchBody(
  response: Response,
  onData: ((chunk: Uint8Array) => void) | undefined,
): Response {
  if (!response.body || !onData) return response;
  const watch = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      onData(chunk);
      controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(watch), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * The fetch handed to the SDKs: they still build, send and parse; this only watches, so the
 * engine learns each response's headers and the inspector sees the exchange.
 */
export function createCapturingFetch(ctx: CaptureContext, baseFetch: typeof fetch = fetch) {
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const attempt = ctx.attempt;
    if (ctx.observer?.onRequest) {
      const url = input instanceof Request ? input.url : String(input);
      ctx.observer.onRequest({
        attempt,
        method: init?.method ?? (input instanceof Request ? input.method : 'GET'),
        url: redactUrl(url, ctx.secrets),
        headers: redactHeaders(new Headers(init?.headers), ctx.secretHeaderNames),
        body: abbreviatePayloads(bodyText(init?.body)),
        atMs: ctx.now(),
      });
    }
    const response = await baseFetch(input, init);
    ctx.onHeaders(response);
    if (!response.ok && ctx.onErrorBody) {
      try {
        ctx.onErrorBody((await response.clone().text()).slice(0, maxErrorBodyChars));
      } catch {
        // An unreadable error body leaves the SDK's own account of the failure.
      }
    }
    ctx.observer?.onResponse?.({
      attempt,
      status: response.status,
      statusText: response.statusText,
      headers: redactHeaders(response.headers, ctx.secretHeaderNames),
      atMs: ctx.now(),
    });
    const watched = watchBody(response, ctx.onBodyData);
    return tapBody(watched, ctx, attempt);
  };
}

/** One attempt as the inspector shows it. */
export interface ExchangeAttempt {
  request: CapturedRequest;
  response?: CapturedResponse;
  events: RawStreamEvent[];
  body?: CapturedBody;
}

/** An observer that keeps everything, for the inspector's store and the CLI's --raw. */
export class ExchangeRecorder implements ExchangeObserver {
  readonly attempts: ExchangeAttempt[] = [];

  onRequest(request: CapturedRequest): void {
    this.attempts.push({ request, events: [] });
  }
  onResponse(response: CapturedResponse): void {
    const attempt = this.find(response.attempt);
    if (attempt) attempt.response = response;
  }
  onRawEvent(event: RawStreamEvent): void {
    this.find(event.attempt)?.events.push(event);
  }
  onBody(body: CapturedBody): void {
    const attempt = this.find(body.attempt);
    if (attempt) attempt.body = body;
  }
  private find(attempt: number): ExchangeAttempt | undefined {
    return this.attempts.findLast((a) => a.request.attempt === attempt);
  }
}
