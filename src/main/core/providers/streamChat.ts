import { parameterProblemsSaid } from '../../../shared/parameterRanges';
import type { ProviderError, RateLimitInfo, StreamEvent } from '../../../shared/stream';
import { AttemptFold } from './attemptFold';
import { providerErrorFrom } from './errors';
import { createCapturingFetch, type CaptureContext, type ExchangeObserver } from './exchange';
import { originBoundFetch } from './originBoundFetch';
import type { ProviderModule } from './ProviderModule';
import { captureListener, readAttempt } from './readAttempt';
import { providerFor } from './registry';
import { AttemptWatchdog, responseTimeoutError, responseTimeoutLimits } from './responseTimeouts';
import { decideRetry, defaultRetryPolicy, sleep, type RetryPolicy } from './retry';
import { factsFromThrown } from './thrownErrors';
import { BodyHead, unexpectedAnswer } from './unexpectedAnswer';
import { said, spoken } from '../../../shared/said';
import type {
  AdapterAttempt,
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
  provider: ProviderModule;
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
  const provider = providerFor(target.profile.type);
  const adapter = provider.createAdapter(target, {
    fetch: fetchImpl,
    secrets,
    lastErrorBody: () => errorBox.body,
  });
  return { provider, adapter, ctx, secrets, errorBox };
}

const interrupted = spoken('engine.interrupted');

/** What the current attempt's response said, boxed: written by fetch callbacks, read after awaits. */
interface WireState {
  headers: Headers | null;
  status: number | null;
  rateLimit: RateLimitInfo | null;
  watchdog: AttemptWatchdog | null;
  /** The attempt's first body bytes, to tell an HTML page or an empty body from an answer. */
  head: BodyHead;
}

function listenToWire(ctx: CaptureContext, provider: ProviderModule): WireState {
  const wire: WireState = {
    headers: null,
    status: null,
    rateLimit: null,
    watchdog: null,
    head: new BodyHead(),
  };
  ctx.onBodyData = (chunk) => {
    wire.watchdog?.heard();
    wire.head.see(chunk);
  };
  ctx.onHeaders = (response) => {
    wire.headers = response.headers;
    wire.status = response.status;
    wire.rateLimit = provider.rateLimitFrom(response.headers) ?? wire.rateLimit;
    wire.watchdog?.responded();
  };
  return wire;
}

/** A 2xx with an HTML page or nothing at all behind it (unexpectedAnswer.ts). */
function unexpectedAnswerOf(wire: WireState): ProviderError | null {
  return unexpectedAnswer(wire.status, wire.headers, wire.head);
}

function shouldRetryHeader(wire: WireState): string | null {
  return wire.headers?.get('x-should-retry') ?? null;
}

function takeRateLimit(wire: WireState): StreamEvent | null {
  const info = wire.rateLimit;
  wire.rateLimit = null;
  return info ? { type: 'rateLimit', rateLimit: info } : null;
}

/** A values check before anything is sent: a provider's documented ranges, in one place. */
function outOfRange(target: ProviderTarget, request: ChatRequest): ProviderError | null {
  const defaults = target.profile.params ?? {};
  const problems = parameterProblemsSaid(target.profile.type, {
    temperature: request.temperature ?? defaults.temperature,
    topP: request.topP ?? defaults.topP,
    stop: request.stop,
  });
  if (problems.length === 0) return null;
  // Several sentences folded into one parameter: "first rest…", each in the person's language.
  const joined = problems.reduceRight((rest, first) => said('engine.sentences', { first, rest }));
  return {
    kind: 'bad_request',
    status: null,
    ...spoken('engine.nothingSent', { problems: joined }),
  };
}

/** What the profile's wire API cannot carry (stop sequences on the Responses API), refused. */
function unsupportedBy(adapter: ProviderAdapter, request: ChatRequest): ProviderError | null {
  const problem = adapter.unsupported?.(request) ?? null;
  return problem
    ? { kind: 'bad_request', status: null, ...spoken('engine.nothingSent', { problems: problem }) }
    : null;
}

/** A connection lost after text arrived is an interrupted answer, not a failed call. */
function asInterrupted(failure: ProviderError): ProviderError {
  if (failure.kind !== 'network' && failure.kind !== 'timeout') return failure;
  const reason = failure.said ?? failure.message;
  return { ...failure, kind: 'interrupted', ...spoken('engine.interruptedBecause', { reason }) };
}

interface AttemptContext {
  setup: AdapterSetup;
  wire: WireState;
  fold: AttemptFold;
  request: ChatRequest;
  signal: AbortSignal;
}

/** One HTTP attempt, read into the fold; returns its failure (null when it answered). */
async function* runAttempt(
  run: AttemptContext,
  watch: AttemptWatchdog,
): AsyncGenerator<StreamEvent, ProviderError | null> {
  const { setup, wire, fold, signal } = run;
  let opened: AdapterAttempt | null = null;
  try {
    opened = await setup.adapter.start(run.request, watch.signal);
    yield* readAttempt(opened, fold, captureListener(setup.ctx), () => takeRateLimit(wire));
    if (fold.stopped || signal.aborted) return null;
    return { kind: 'interrupted', status: wire.status, ...interrupted };
  } catch (thrown) {
    if (signal.aborted) return null;
    const { facts, kind } = factsFromThrown(thrown, setup.errorBox.body);
    const classified = providerErrorFrom(facts, setup.secrets, kind);
    const failure = setup.adapter.explain?.(classified) ?? classified;
    const lostConnection = kind === 'network' || kind === 'timeout' || watch.fired !== null;
    if (opened && lostConnection && !fold.stopped) {
      // The answer's end may have come before the connection went: then nothing was lost.
      const out: AdapterEvent[] = [];
      opened.reader.complete(out);
      for (const event of out) fold.take(event);
      if (fold.end) return null;
    }
    return fold.ttftMs !== null ? asInterrupted(failure) : failure;
  }
}

/** After the last attempt: the error, the usage and exactly one finish. */
async function* closingEvents(
  run: AttemptContext,
  elapsed: () => number,
): AsyncGenerator<StreamEvent> {
  const { fold, signal } = run;
  const rateLimit = takeRateLimit(run.wire);
  if (rateLimit) yield rateLimit;
  let error = fold.error;
  if (!error && !signal.aborted && fold.end?.finishReason === 'error') {
    // A server that flags an error in finish_reason without saying what it was.
    error = { kind: 'server', status: null, ...spoken('engine.endedWithError') };
  }
  const finishReason = error && !signal.aborted ? 'error' : fold.finishReason(signal.aborted);
  if (error && !signal.aborted) yield { type: 'error', error };
  const usage = await fold.usage(run.request, finishReason);
  if (usage) yield { type: 'usage', usage };
  yield {
    type: 'finish',
    finishReason,
    providerFinishReason: fold.end?.providerFinishReason ?? null,
    timing: { ttftMs: fold.ttftMs, totalMs: elapsed() },
  };
}

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
  const fold = new AttemptFold(elapsed);
  const setup = setUp(target, options, elapsed);
  const refused = outOfRange(target, request) ?? unsupportedBy(setup.adapter, request);
  if (refused) fold.error = refused;
  const run: AttemptContext = {
    setup,
    wire: listenToWire(setup.ctx, setup.provider),
    fold,
    request,
    signal,
  };
  const policy = { ...defaultRetryPolicy, ...options.retry };
  const limits = responseTimeoutLimits(target.profile, request.stream !== false);

  for (let attempt = 0; !refused; attempt++) {
    setup.ctx.attempt = attempt;
    run.wire.headers = null;
    run.wire.status = null;
    run.wire.head.reset();
    setup.errorBox.body = null;
    const watch = new AttemptWatchdog(limits, signal);
    run.wire.watchdog = watch;
    let failure: ProviderError | null;
    try {
      failure = yield* runAttempt(run, watch);
    } finally {
      watch.dispose();
    }
    // Our own timeout aborted the request: whatever the SDK made of that, say what happened.
    // It is not retried (responseTimeouts.ts says why).
    if (watch.fired && !signal.aborted && !fold.stopped)
      failure = responseTimeoutError(
        { label: setup.provider.label, profile: target.profile },
        watch.fired,
        limits,
        fold.ttftMs !== null,
      );
    const odd =
      fold.ttftMs === null && !signal.aborted && !watch.fired ? unexpectedAnswerOf(run.wire) : null;
    if (odd) {
      failure = odd;
      fold.error = null;
      fold.end = null;
    }
    if (failure && fold.ttftMs === null && !signal.aborted && !watch.fired) {
      const decision = decideRetry(failure, attempt, policy, shouldRetryHeader(run.wire));
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
    fold.error ??= failure;
    break;
  }
  yield* closingEvents(run, elapsed);
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
