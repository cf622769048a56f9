import type {
  FinishReason,
  ProviderError,
  RateLimitInfo,
  StreamEvent,
  Usage,
} from '../../../shared/stream';
import { createAnthropicMessagesAdapter } from './anthropicMessages';
import { providerErrorFrom } from './errors';
import { estimateUsage } from './estimateUsage';
import { createCapturingFetch, type CaptureContext, type ExchangeObserver } from './exchange';
import { createOpenAIChatAdapter } from './openaiChat';
import { originBoundFetch } from './originBoundFetch';
import { rateLimitFrom } from './rateLimit';
import { AttemptWatchdog, responseTimeoutError, responseTimeoutLimits } from './responseTimeouts';
import { decideRetry, defaultRetryPolicy, sleep, type RetryPolicy } from './retry';
import { factsFromThrown } from './thrownErrors';
import { BodyHead, unexpectedAnswer } from './unexpectedAnswer';
import type {
  AdapterEvent,
  ChatRequest,
  ModelInfo,
  ProviderAdapter,
  ProviderTarget,
} from './types';

export interface EngineOptions {
  /** Stop: aborts the HTTP request at once; the answer ends `cancelled` with what came. */
  signal?: AbortSignal;
  /** Exchange capture for the inspector and the CLI's --show-request / --raw. */
  observer?: ExchangeObserver;
  retry?: Partial<RetryPolicy>;
  /** The fetch under the SDKs (tests, benchmarks, a proxy-aware fetch). */
  fetch?: typeof fetch;
}

interface AdapterSetup {
  adapter: ProviderAdapter;
  ctx: CaptureContext;
  secrets: string[];
  /** The last error response's body (reset per attempt by the caller). */
  errorBox: { body: string | null };
}

function setUp(target: ProviderTarget, options: EngineOptions, now: () => number): AdapterSetup {
  const secrets = [
    target.apiKey,
    target.bearerToken,
    ...Object.values(target.headers ?? {}),
  ].filter((s): s is string => !!s && s.length >= 8);
  const ctx: CaptureContext = {
    attempt: 0,
    now,
    observer: options.observer,
    secrets,
    secretHeaderNames: target.secretHeaderNames ?? [],
    onHeaders: () => undefined,
    onErrorBody: (body) => {
      errorBox.body = body;
    },
  };
  const errorBox: { body: string | null } = { body: null };
  // Every provider call: no credential follows a redirect to another origin.
  const fetchImpl = createCapturingFetch(ctx, originBoundFetch(options.fetch ?? fetch));
  const adapter =
    target.profile.type === 'anthropic'
      ? createAnthropicMessagesAdapter(target, { fetch: fetchImpl })
      : createOpenAIChatAdapter(target, {
          fetch: fetchImpl,
          secrets,
          lastErrorBody: () => errorBox.body,
        });
  return { adapter, ctx, secrets, errorBox };
}

const interruptedMessage =
  'The answer stopped before its end: the connection was cut or closed early.';

/**
 * THE engine entry point: one chat call to any provider, as the normalized event stream of
 * DESIGN.md. Always ends with exactly one `finish`; never throws for provider trouble.
 * Retries happen only before the first token, at most twice, and only for what can succeed.
 */
export async function* streamChat(
  target: ProviderTarget,
  request: ChatRequest,
  options: EngineOptions = {},
): AsyncGenerator<StreamEvent> {
  const signal = options.signal ?? new AbortController().signal;
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const policy = { ...defaultRetryPolicy, ...options.retry };
  const { adapter, ctx, secrets, errorBox } = setUp(target, options, elapsed);
  const limits = responseTimeoutLimits(target.profile, request.stream !== false);
  // The current attempt's watchdog: told of the response and of every read of its body.
  let watchdog: AttemptWatchdog | null = null;
  const bodyHead = new BodyHead();
  ctx.onBodyData = (chunk) => {
    watchdog?.heard();
    bodyHead.see(chunk);
  };

  // Boxed: written by the fetch callback, read after awaits (keeps TS narrowing honest).
  const last: { headers: Headers | null; status: number | null; done: boolean } = {
    headers: null,
    status: null,
    done: false,
  };
  // OpenAI and Azure always name a finish_reason; some compatible servers end with [DONE]
  // alone. Watching for it costs a stream hop per read, so only where it can matter.
  if (target.profile.type === 'openai-compatible') {
    ctx.onStreamDone = () => {
      last.done = true;
    };
  }
  let pendingRateLimit: RateLimitInfo | null = null;
  ctx.onHeaders = (response) => {
    last.headers = response.headers;
    last.status = response.status;
    pendingRateLimit = rateLimitFrom(response.headers) ?? pendingRateLimit;
    watchdog?.responded();
  };
  const shouldRetryHeader = (): string | null => last.headers?.get('x-should-retry') ?? null;
  const takeRateLimit = (): StreamEvent | null => {
    const info = pendingRateLimit;
    pendingRateLimit = null;
    return info ? { type: 'rateLimit', rateLimit: info } : null;
  };

  let ttftMs: number | null = null;
  // Pieces, joined only if an estimate needs them: cheaper per token than growing a string.
  const textParts: string[] = [];
  const reasoningParts: string[] = [];
  // Boxed, as they are set inside `take` (TS does not follow writes made in closures).
  const outcome: {
    usage: Usage | null;
    end: { finishReason: FinishReason; providerFinishReason: string | null } | null;
    error: ProviderError | null;
  } = { usage: null, end: null, error: null };
  /** Records one adapter event; returns it when it goes out to the caller as it is. */
  const take = (event: AdapterEvent): StreamEvent | null => {
    switch (event.type) {
      case 'text':
        ttftMs ??= elapsed();
        textParts.push(event.text);
        return event;
      case 'reasoning':
        ttftMs ??= elapsed();
        reasoningParts.push(event.text);
        return event;
      case 'usage':
        outcome.usage = event.usage;
        return null;
      case 'error':
        outcome.error = event.error;
        return null;
      case 'end':
        outcome.end = {
          finishReason: event.finishReason,
          providerFinishReason: event.providerFinishReason,
        };
        return null;
      default:
        return event;
    }
  };

  for (let attempt = 0; ; attempt++) {
    ctx.attempt = attempt;
    last.headers = null;
    last.status = null;
    last.done = false;
    errorBox.body = null;
    bodyHead.reset();
    let failure: ProviderError | null = null;
    const watch = new AttemptWatchdog(limits, signal);
    watchdog = watch;
    try {
      const opened = await adapter.start(request, watch.signal);
      const out: AdapterEvent[] = [];
      let stopped = false;
      // The hot loop: one SDK chunk in, its events out, no async layer in between.
      for await (const chunk of opened.chunks) {
        opened.normalize(chunk, out);
        if (pendingRateLimit) yield takeRateLimit()!;
        for (let i = 0; i < out.length; i++) {
          const event = take(out[i]!);
          if (event) yield event;
        }
        out.length = 0;
        // An in-stream error ends the attempt; leaving the loop aborts the request.
        if (outcome.error || outcome.end) {
          stopped = true;
          break;
        }
      }
      if (!stopped) {
        opened.complete(out, last.done);
        for (const event of out) take(event);
      }
      if (!outcome.end && !outcome.error && !signal.aborted) {
        failure = { kind: 'interrupted', status: last.status, message: interruptedMessage };
      }
    } catch (thrown) {
      if (!signal.aborted) {
        const { facts, kind } = factsFromThrown(thrown, errorBox.body);
        failure = providerErrorFrom(facts, secrets, kind);
        // A connection lost after text arrived is an interrupted answer, not a failed call.
        if (ttftMs !== null && (failure.kind === 'network' || failure.kind === 'timeout')) {
          failure = {
            ...failure,
            kind: 'interrupted',
            message: `${interruptedMessage} (${failure.message})`,
          };
        }
      }
    } finally {
      watch.dispose();
    }
    // Our own timeout aborted the request: whatever the SDK made of that, say what happened.
    // It is not retried (responseTimeouts.ts says why).
    if (watch.fired && !signal.aborted && !outcome.error && !outcome.end) {
      failure = responseTimeoutError(target.profile, watch.fired, limits, ttftMs !== null);
    }
    const odd =
      ttftMs === null && !signal.aborted && !watch.fired
        ? unexpectedAnswer(last.status, last.headers, bodyHead)
        : null;
    if (odd) {
      failure = odd;
      outcome.error = null;
      outcome.end = null;
    }
    if (failure && ttftMs === null && !signal.aborted && !watch.fired) {
      const decision = decideRetry(failure, attempt, policy, shouldRetryHeader());
      if (decision.retry) {
        // Said at once, so the person sees "retrying" instead of a silent wait.
        yield {
          type: 'retry',
          attempt: attempt + 1,
          maxRetries: policy.maxRetries,
          delayMs: decision.delayMs,
          error: failure,
        };
        try {
          await sleep(decision.delayMs, signal);
          continue;
        } catch {
          // Stopped while waiting: fall through to the cancelled finish.
        }
      }
    }
    outcome.error ??= failure;
    break;
  }

  const rateLimit = takeRateLimit();
  if (rateLimit) yield rateLimit;

  let finishReason: FinishReason;
  const { usage, end } = outcome;
  let { error } = outcome;
  const providerFinishReason = end?.providerFinishReason ?? null;
  if (signal.aborted) {
    finishReason = 'cancelled';
  } else if (error) {
    finishReason = 'error';
  } else if (end && end.finishReason === 'error') {
    // A server that flags an error in finish_reason without saying what it was.
    error = { kind: 'server', status: null, message: 'The server ended the answer with an error.' };
    finishReason = 'error';
  } else {
    finishReason = end?.finishReason ?? 'error';
  }
  if (error && !signal.aborted) yield { type: 'error', error };

  if (usage) {
    yield { type: 'usage', usage };
  } else if (
    textParts.length > 0 ||
    reasoningParts.length > 0 ||
    finishReason === 'stop' ||
    finishReason === 'length'
  ) {
    const text = textParts.join('');
    const reasoning = reasoningParts.join('');
    // Tokens were produced (or the call completed) but no count came: ours, marked estimated.
    yield { type: 'usage', usage: await estimateUsage(request, { text, reasoning }) };
  }
  yield {
    type: 'finish',
    finishReason,
    providerFinishReason,
    timing: { ttftMs, totalMs: elapsed() },
  };
}

/** The models a profile offers, for the model picker; errors come back normalized. */
export async function listModels(
  target: ProviderTarget,
  options: EngineOptions = {},
): Promise<{ ok: true; models: ModelInfo[] } | { ok: false; error: ProviderError }> {
  const started = performance.now();
  const { adapter, secrets, errorBox } = setUp(target, options, () => performance.now() - started);
  try {
    const models = await adapter.listModels(options.signal ?? new AbortController().signal);
    return { ok: true, models };
  } catch (thrown) {
    const { facts, kind } = factsFromThrown(thrown, errorBox.body);
    return { ok: false, error: providerErrorFrom(facts, secrets, kind) };
  }
}
