import { spoken, type Said, type Spoken } from '../../../shared/said';
import type { ProviderError } from '../../../shared/stream';
import { factsFromBody, providerErrorFrom } from '../providers/errors';
import type { EmbeddingsWire } from '../providers/embeddingsWire';
import { providerFor } from '../providers/registry';
import type { ProviderTarget } from '../providers/types';

/** An embeddings call that failed, with a sentence for the person (never a key). */
export class EmbeddingsError extends Error {
  /** The sentence as a code, for the person's language. */
  readonly said: Said;
  constructor(
    readonly kind: ProviderError['kind'],
    words: Spoken,
    readonly status: number | null = null,
    /** How long the server asked to wait (retry-after), when it said. */
    readonly retryAfterMs?: number,
  ) {
    super(words.message);
    this.said = words.said;
    this.name = 'EmbeddingsError';
  }
}

export interface EmbeddingsOptions {
  signal?: AbortSignal;
  /** Per request, from sending to the whole answer (default 60 s). */
  timeoutMs?: number;
  /** Tries after a rate limit, a 5xx or a timeout (default 2), waiting as the server asks. */
  retries?: number;
  fetch?: typeof fetch;
}

/** Embeds texts with one profile's embeddings API, in batches, in the order given. */
export type Embedder = (texts: string[], options?: EmbeddingsOptions) => Promise<Float32Array[]>;

const RETRIED = new Set<ProviderError['kind']>(['rate_limit', 'overloaded', 'server', 'timeout']);
const MAX_WAIT_MS = 20_000;

/** The embeddings client for a profile, or an error saying its provider has no such API. */
export function embedderFor(target: ProviderTarget, model: string): Embedder {
  const wire = providerFor(target.profile.type).embeddings;
  if (!wire) {
    const label = providerFor(target.profile.type).label;
    throw new EmbeddingsError('bad_request', spoken('knowledge.noEmbeddings', { label }));
  }
  return async (texts, options = {}) => {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += wire.batchSize) {
      const batch = texts.slice(i, i + wire.batchSize);
      out.push(
        ...(await withRetries(() => embedCompact(wire, target, model, batch, options), options)),
      );
    }
    return out;
  };
}

async function withRetries<T>(call: () => Promise<T>, options: EmbeddingsOptions): Promise<T> {
  const retries = options.retries ?? 2;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof EmbeddingsError) || !RETRIED.has(error.kind) || attempt >= retries)
        throw error;
      const wait = error.retryAfterMs;
      if (wait !== undefined && wait > MAX_WAIT_MS) throw error;
      await sleep(wait ?? 250 * 2 ** attempt, options.signal);
    }
  }
}

/**
 * Profiles (by id and URL) whose server refused `encoding_format: 'base64'` with a 400 and then
 * took the float request: asked for floats from then on, for as long as the app runs.
 */
const floatOnly = new Set<string>();

/**
 * A batch asked for as base64 where the wire has it (a quarter of the bytes, no numbers to parse:
 * indexing's cost is then the server's), falling back once to floats when the server answers 400
 * to it; the fallback is remembered only when the float request succeeds, so a 400 for another
 * reason (it fails again) is reported as it is and teaches nothing.
 */
async function embedCompact(
  wire: EmbeddingsWire,
  target: ProviderTarget,
  model: string,
  texts: string[],
  options: EmbeddingsOptions,
): Promise<Float32Array[]> {
  const key = `${target.profile.id}\u0000${target.profile.baseUrl}`;
  if (!wire.base64 || floatOnly.has(key))
    return embedBatch(wire, target, model, texts, options, false);
  try {
    return await embedBatch(wire, target, model, texts, options, true);
  } catch (error) {
    if (!(error instanceof EmbeddingsError) || error.status !== 400) throw error;
    const vectors = await embedBatch(wire, target, model, texts, options, false);
    floatOnly.add(key);
    return vectors;
  }
}

async function embedBatch(
  wire: EmbeddingsWire,
  target: ProviderTarget,
  model: string,
  texts: string[],
  options: EmbeddingsOptions,
  base64: boolean,
): Promise<Float32Array[]> {
  const call = wire.request(target, model, texts, base64);
  const secrets = [target.apiKey, ...Object.values(target.headers ?? {})];
  const timeoutMs = options.timeoutMs ?? 60_000;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let status: number | null = null;
  try {
    const response = await (options.fetch ?? fetch)(call.url, {
      method: 'POST',
      headers: call.headers,
      body: JSON.stringify(call.body),
      signal,
    });
    status = response.status;
    const body = await response.text();
    if (!response.ok) throw failure(status, body, response.headers, secrets);
    const vectors = wire.vectors(parsed(body), texts.length);
    if (!vectors)
      throw new EmbeddingsError(
        'malformed_response',
        spoken('knowledge.wrongVectors', { count: texts.length, status }),
        status,
      );
    return vectors;
  } catch (error) {
    if (error instanceof EmbeddingsError) throw error;
    if (options.signal?.aborted) throw cancelled();
    if (timeout.aborted)
      throw new EmbeddingsError(
        'timeout',
        spoken('knowledge.noAnswer', { seconds: Math.round(timeoutMs / 1000) }),
        status,
      );
    const detail = error instanceof Error ? (error.cause ?? error).toString() : String(error);
    throw new EmbeddingsError('network', spoken('knowledge.unreachable', { detail }));
  }
}

function failure(status: number, body: string, headers: Headers, secrets: unknown[]) {
  const known = secrets.filter((s): s is string => typeof s === 'string' && s.length > 0);
  const error = providerErrorFrom(factsFromBody(status, body, headers), known);
  const detail = error.said ?? error.message;
  const words =
    error.kind === 'auth'
      ? spoken('knowledge.keyRefused', { detail })
      : error.kind === 'rate_limit'
        ? spoken('knowledge.rateLimited', { detail })
        : error.kind === 'server'
          ? spoken('knowledge.serverFailed', { detail })
          : spoken('knowledge.asIs', { detail });
  return new EmbeddingsError(error.kind, words, status, error.retryAfterMs);
}

function parsed(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(cancelled());
      },
      { once: true },
    );
  });
}

const cancelled = () => new EmbeddingsError('cancelled', spoken('knowledge.cancelled'));
