import { responseTimeoutDefaults, responseTimeoutRange } from '../../../shared/profiles';
import type { ProviderError } from '../../../shared/stream';
import type { ProviderProfile } from './types';
import { spoken } from '../../../shared/said';

/** Which wait ran out: for the server to answer at all, or between pieces of its answer. */
export type TimeoutPhase = 'firstByte' | 'idle';

/**
 * The SDKs' own timeout, kept only as a backstop behind the engine's watchdog: longer than
 * any limit a profile may set, so the person's setting is what decides.
 */
export const SDK_BACKSTOP_TIMEOUT_MS = (responseTimeoutRange.max + 60) * 1000;

export interface ResponseTimeoutLimits {
  firstByteMs: number;
  idleMs: number;
}

/**
 * The profile's limits, defaults filled in. A non-streamed call sends its headers only once
 * the whole answer is written, so its first byte may wait as long as a silent stream may.
 */
export function responseTimeoutLimits(
  profile: Pick<ProviderProfile, 'timeouts'>,
  stream: boolean,
): ResponseTimeoutLimits {
  const firstByteMs =
    (profile.timeouts?.firstByteSeconds ?? responseTimeoutDefaults.firstByteSeconds) * 1000;
  const idleMs = (profile.timeouts?.idleSeconds ?? responseTimeoutDefaults.idleSeconds) * 1000;
  return { firstByteMs: stream ? firstByteMs : Math.max(firstByteMs, idleMs), idleMs };
}

/**
 * One attempt's watchdog. Its signal aborts the HTTP request (closing the connection) when the
 * server stays silent too long, or when the person stops. Any bytes count as life, keep-alive
 * comments and pings included: a server that says it is still working is not hanging.
 */
export class AttemptWatchdog {
  /** What the adapter's request listens to. */
  readonly signal: AbortSignal;
  /** Set when a limit ran out (the request is aborted by then). */
  fired: TimeoutPhase | null = null;
  private readonly controller = new AbortController();
  private phase: TimeoutPhase = 'firstByte';
  private lastActivity: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly onParentAbort = () => this.stop(this.parent.reason);

  constructor(
    private readonly limits: ResponseTimeoutLimits,
    private readonly parent: AbortSignal,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.signal = this.controller.signal;
    this.lastActivity = now();
    if (parent.aborted) this.controller.abort(parent.reason);
    else parent.addEventListener('abort', this.onParentAbort, { once: true });
    this.arm(this.limits.firstByteMs);
  }

  /** The response's status and headers came: from here on, the idle limit applies. */
  responded(): void {
    if (this.fired || this.phase === 'idle') return;
    this.phase = 'idle';
    this.lastActivity = this.now();
    this.arm(this.limits.idleMs);
  }

  /** Bytes of the body arrived. Called per network read: only a timestamp, no timer churn. */
  heard(): void {
    this.lastActivity = this.now();
  }

  /** Ends the watch (the attempt is over); the person's signal is let go. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.parent.removeEventListener('abort', this.onParentAbort);
  }

  private arm(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), ms);
  }

  /** Fires when the limit has passed since the last sign of life; otherwise waits the rest. */
  private check(): void {
    this.timer = null;
    const limit = this.phase === 'firstByte' ? this.limits.firstByteMs : this.limits.idleMs;
    const rest = this.lastActivity + limit - this.now();
    if (rest > 0) return this.arm(Math.ceil(rest));
    this.fired = this.phase;
    this.stop(new Error(`No response for ${limit} ms (${this.phase})`));
  }

  private stop(reason: unknown): void {
    this.dispose();
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }
}

/** "OpenAI (work)": the provider and, when it says more, the profile's own name. */
function who({ label, profile }: TimedOutServer): string {
  const name = profile.name?.trim();
  return name && name.toLowerCase() !== profile.type ? `${label} (${name})` : label;
}

/** The server that went silent: its provider's label (registry.ts) and the profile. */
export interface TimedOutServer {
  label: string;
  profile: Pick<ProviderProfile, 'type' | 'name'>;
}

const seconds = (ms: number) => Number((ms / 1000).toFixed(1));

/**
 * What a timeout of ours says: what happened and what to do, in one short paragraph. Never
 * retried: a hanging server asked again would only make the person wait two or three times
 * as long before hearing the same thing.
 */
export function responseTimeoutError(
  server: TimedOutServer,
  phase: TimeoutPhase,
  limits: ResponseTimeoutLimits,
  textArrived: boolean,
): ProviderError {
  const name = who(server);
  if (phase === 'firstByte') {
    const params = { name, seconds: seconds(limits.firstByteMs) };
    return { kind: 'timeout', status: null, ...spoken('engine.timeout.firstByte', params) };
  }
  const params = { name, seconds: seconds(limits.idleMs) };
  const code = textArrived ? 'engine.timeout.midAnswer' : 'engine.timeout.idle';
  return { kind: 'timeout', status: null, ...spoken(code, params) };
}
