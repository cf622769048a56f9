import type { ConnectionReport, ConnectionStep } from '../../../shared/profiles';
import { classifyFailure, factsFromBody } from '../providers/errors';
import { originBoundFetch, refusedRedirectIn, type BaseFetch } from '../providers/originBoundFetch';
import type { ProbeCall, ProbeRequest } from '../providers/ProviderModule';
import { wireApiLabels, wireApiNames, type WireApi } from '../../../shared/wireApi';
import {
  answeredMessage,
  otherApi,
  refusedMessage,
  refusesApi,
  serverSaid,
  type ApiVerdict,
} from './apiCheck';
import { providerFor } from '../providers/registry';
import { probeBilled } from './probeUsage';
import type { ResolvedTarget } from './resolveTarget';
import { isSaidAmount, spoken, type Said, type Spoken } from '../../../shared/said';

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal },
) => Promise<Response>;

/** The model picker offers the whole list; a bound keeps a hostile server's answer small. */
const MAX_LISTED_MODELS = 1000;

/** What the probe's options say: a fetch (tests), a timeout, and whether to prove the wire API. */
export interface ProbeOptions {
  fetch?: FetchLike;
  timeoutMs?: number;
  /** Make the module's second call on the chats' wire API (the connection test, not a refresh). */
  checkApi?: boolean;
}

type Sent =
  | { status: number; text: string }
  | { step: ConnectionStep; message: Spoken; status: number | null };

/**
 * Test connection: one real, minimal call, as the profile's provider module builds it (list the
 * models, or a 1-token completion on Azure, which has no per-deployment list), then where the
 * module has one, a minimal chat call on the wire API the profile's chats use, and a report
 * naming the step that failed in plain words. Plain fetch: no SDK between the test and the wire.
 */
export async function probeConnection(
  target: ResolvedTarget,
  options: ProbeOptions = {},
): Promise<ConnectionReport> {
  const started = performance.now();
  // The probe carries the key too: no redirect may take it to another origin.
  const doFetch = originBoundFetch((options.fetch ?? fetch) as BaseFetch);
  const built = buildRequest(target);
  // A server may echo the key in its error (some proxies do): nothing secret leaves in the report.
  const secrets = [target.apiKey, target.bearerToken, ...Object.values(target.headers)].filter(
    (s): s is string => !!s && s.length >= 4,
  );
  const scrub = (text: string) =>
    secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
  const report = (
    call: ProbeCall | null,
    step: ConnectionStep,
    ok: boolean,
    message: Spoken,
    extra: Partial<ConnectionReport> = {},
  ): ConnectionReport => ({
    ok,
    step,
    message: scrub(message.message),
    said: scrubSaid(message.said, scrub),
    url: call ? redactUrl(call.request.url) : '',
    method: call ? call.request.method : 'GET',
    status: null,
    durationMs: Math.round(performance.now() - started),
    models: [],
    ...(call?.api ? { api: call.api } : {}),
    ...extra,
  });
  if ('problem' in built) return report(null, 'config', false, built.problem);
  const sent = await send(doFetch, built.request, options.timeoutMs);
  if (!('text' in sent))
    return report(built, sent.step, false, sent.message, { status: sent.status });
  const verdict = judgeAnswer(target, built, sent.status, sent.text);
  // Azure's first call is itself a billed completion; a models list bills nothing.
  const billed = billedBy(target, built, sent.status, sent.text);
  const listed = { models: verdict.models.slice(0, MAX_LISTED_MODELS), ...billed };
  const second = verdict.ok && options.checkApi ? apiCall(target) : null;
  if (!second)
    return report(built, verdict.step, verdict.ok, verdict.message, {
      status: sent.status,
      ...listed,
      ...verdict.extra,
    });
  const answered = await send(doFetch, second.request, options.timeoutMs);
  if (!('text' in answered))
    return report(second, answered.step, false, answered.message, { status: answered.status });
  const api = judgeApiAnswer(target, second, answered.status, answered.text, verdict.message);
  return report(second, api.step, api.ok, api.message, {
    status: answered.status,
    ...listed,
    ...billedBy(target, second, answered.status, answered.text),
    ...api.extra,
  });
}

/** The usage a billed probe call reported, for the ledger (probeUsage.ts). */
function billedBy(
  target: ResolvedTarget,
  call: ProbeCall,
  status: number,
  text: string,
): Partial<ConnectionReport> {
  const billed = probeBilled(call, status, text, target.profile.defaultModel);
  return billed ? { billed } : {};
}

/** The module's second call, on the wire API the profile's chats use, if it has one. */
function apiCall(target: ResolvedTarget): (ProbeCall & { api: WireApi }) | null {
  return providerFor(target.profile.type).connectionTest.apiRequest?.(target) ?? null;
}

/** One probe request: its status and body, or the network step that failed. */
async function send(doFetch: BaseFetch, request: ProbeRequest, timeoutMs = 10_000): Promise<Sent> {
  let response: Response;
  try {
    response = await doFetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body ? { body: request.body } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const refused = refusedRedirectIn(error);
    if (refused) return { step: 'http', message: refused.words, status: refused.status };
    return { ...describeNetworkError(error, new URL(request.url)), status: null };
  }
  const text = await response.text().catch(() => '');
  return { status: response.status, text };
}

/** The second call's answer: which API answered, or that it refused, with what to switch to. */
function judgeApiAnswer(
  target: ResolvedTarget,
  call: ProbeCall & { api: WireApi },
  status: number,
  text: string,
  connected: Spoken,
): ApiVerdict {
  const detail = errorDetail(text);
  const suffix = serverSaid(detail);
  const extra = { api: call.api };
  if (refusesApi(call.api, status, detail))
    return {
      step: 'http',
      ok: false,
      message: refusedMessage(call.api, status, suffix),
      extra: { ...extra, suggestedApi: otherApi(call.api) },
    };
  if (status >= 200 && status < 300)
    return { step: 'done', ok: true, message: answeredMessage(connected, call.api), extra };
  const failed = judgeAnswer(target, call, status, text);
  return {
    step: failed.step,
    ok: false,
    message: spoken('probe.apiCallFailed', {
      api: wireApiNames[call.api],
      reason: failed.message.said,
    }),
    extra,
  };
}

interface Verdict {
  step: ConnectionStep;
  ok: boolean;
  message: Spoken;
  models: string[];
  extra?: Partial<ConnectionReport>;
}

/** What the server's answer says about the profile, in the step a person would fix. */
function judgeAnswer(
  target: ResolvedTarget,
  call: ProbeCall,
  status: number,
  text: string,
): Verdict {
  const { request, api } = call;
  const detail = errorDetail(text);
  const suffix = serverSaid(detail);
  const failed = (step: ConnectionStep, message: Spoken): Verdict => ({
    step,
    ok: false,
    message,
    models: [],
  });
  // Google refuses a wrong key with a 400 whose body says so (errors.ts reads it as auth).
  if (status === 401 || (status === 400 && classifyFailure(factsFromBody(status, text)) === 'auth'))
    return failed('auth', spoken('probe.keyRefused', { status, serverSaid: suffix }));
  if (status === 403) return failed('auth', spoken('probe.noPermission', { serverSaid: suffix }));
  // A chat call the server refuses: the API may be missing (Azure's 404 may also be the deployment).
  if (api && refusesApi(api, status, detail) && status !== 404)
    return { ...failed('http', refusedMessage(api, status, suffix)), extra: refusal(api) };
  if (status === 404) {
    const what = providerFor(target.profile.type).connectionTest.notFound(target.profile);
    if (!api)
      return failed('model', spoken('probe.notFound', { what: what.said, serverSaid: suffix }));
    const other = wireApiLabels[otherApi(api)];
    const params = { what: what.said, api: wireApiNames[api], other, serverSaid: suffix };
    return { ...failed('model', spoken('probe.notFoundApi', params)), extra: refusal(api) };
  }
  if (status < 200 || status >= 300)
    return failed('http', spoken('probe.httpStatus', { status, serverSaid: suffix }));

  const models = request.method === 'GET' ? modelIds(text) : [];
  const model = target.profile.defaultModel;
  if (request.method === 'GET' && model && models.length > 0 && !models.includes(model)) {
    return {
      step: 'model',
      ok: false,
      message: spoken('probe.modelMissing', { model, count: models.length }),
      models,
    };
  }
  const connected = models.length
    ? spoken('probe.connectedModels', { status, count: models.length })
    : spoken('probe.connected', { status });
  return {
    step: 'done',
    ok: true,
    message: api ? answeredMessage(connected, api) : connected,
    models,
  };
}

const refusal = (api: WireApi): Partial<ConnectionReport> => ({ suggestedApi: otherApi(api) });

/** The provider module's request, after the one check every type shares: a key where one is due. */
function buildRequest(target: ResolvedTarget): ProbeCall | { problem: Spoken } {
  const { profile, apiKey } = target;
  const provider = providerFor(profile.type);
  if (profile.authMethod === 'apiKey' && !apiKey && !profile.authHeader && !provider.keyOptional) {
    return { problem: spoken('probe.noKey') };
  }
  return provider.connectionTest.request(target);
}

/** Node's fetch wraps the socket error in `cause`: its code says which step failed. */
export function describeNetworkError(
  error: unknown,
  url: URL,
): { step: ConnectionStep; message: Spoken } {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return {
      step: 'timeout',
      message: spoken('probe.net.noAnswer', { host: url.host }),
    };
  }
  const cause =
    error instanceof Error
      ? (error.cause as { code?: string; message?: string } | undefined)
      : undefined;
  const code = cause?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return {
      step: 'dns',
      message: spoken('probe.net.dns', { hostname: url.hostname }),
    };
  }
  if (code === 'ECONNREFUSED') {
    return {
      step: 'connect',
      message: spoken('probe.net.refused', { host: url.host }),
    };
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|EPROTO/i.test(code)) {
    return {
      step: 'tls',
      message: spoken('probe.net.tls', { host: url.host, code }),
    };
  }
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return {
      step: 'timeout',
      message: spoken('probe.net.timedOut', { host: url.host }),
    };
  }
  return {
    step: 'connect',
    message: spoken('probe.net.failed', {
      host: url.host,
      reason: code || cause?.message || 'network error',
    }),
  };
}

/** Hides anything secret-looking in a URL (query keys, user:password) before it is shown or logged. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.username || url.password) {
      url.username = url.username ? 'redacted' : '';
      url.password = url.password ? 'redacted' : '';
    }
    for (const key of [...url.searchParams.keys()]) {
      if (/key|token|secret|sig|code|password/i.test(key)) url.searchParams.set(key, 'REDACTED');
    }
    return url.toString();
  } catch {
    return '(invalid URL)';
  }
}

/** The server's own short error message, never an HTML page. */
function errorDetail(text: string): string | null {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
    const message =
      typeof body.error === 'string' ? body.error : (body.error?.message ?? body.message);
    return typeof message === 'string' ? message.replace(/\s+/g, ' ').slice(0, 200) : null;
  } catch {
    return null;
  }
}

/** A model of Google's list: its name, and the methods it answers (generateContent for chat). */
interface GoogleModel {
  name?: unknown;
  supportedGenerationMethods?: unknown;
}

const chatModel = (m: GoogleModel) =>
  !Array.isArray(m.supportedGenerationMethods) ||
  m.supportedGenerationMethods.includes('generateContent');

function modelIds(text: string): string[] {
  try {
    const body = JSON.parse(text) as { data?: { id?: unknown }[]; models?: GoogleModel[] };
    // OpenAI-style `data[].id`, or Google's `models[].name` ("models/gemini-2.5-flash").
    const ids = body.data
      ? body.data.map((m) => m.id)
      : (body.models ?? [])
          .filter(chatModel)
          .map((m) => (typeof m.name === 'string' ? m.name.replace(/^models\//, '') : null));
    return ids.filter((id): id is string => typeof id === 'string');
  } catch {
    return [];
  }
}

/** The report's words with any secret the server echoed removed from their parameters too. */
function scrubSaid(said: Said, scrub: (text: string) => string): Said {
  if (!said.params) return said;
  const params = Object.fromEntries(
    Object.entries(said.params).map(([name, value]) => [
      name,
      typeof value === 'string'
        ? scrub(value)
        : typeof value === 'object' && !isSaidAmount(value)
          ? scrubSaid(value, scrub)
          : value,
    ]),
  );
  return { ...said, params };
}
