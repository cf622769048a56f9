import type { ConnectionReport, ConnectionStep } from '../../../shared/profiles';
import { classifyFailure, factsFromBody } from '../providers/errors';
import { originBoundFetch, refusedRedirectIn, type BaseFetch } from '../providers/originBoundFetch';
import type { ProbeRequest } from '../providers/ProviderModule';
import { providerFor } from '../providers/registry';
import type { ResolvedTarget } from './resolveTarget';

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal },
) => Promise<Response>;

/** The model picker offers the whole list; a bound keeps a hostile server's answer small. */
const MAX_LISTED_MODELS = 1000;

/**
 * Test connection: one real, minimal call, as the profile's provider module builds it (list the
 * models, or a 1-token completion on Azure, which has no per-deployment list), and a report
 * naming the step that failed in plain words. Plain fetch: no SDK between the test and the wire.
 */
export async function probeConnection(
  target: ResolvedTarget,
  options: { fetch?: FetchLike; timeoutMs?: number } = {},
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
    step: ConnectionStep,
    ok: boolean,
    message: string,
    extra: Partial<ConnectionReport> = {},
  ): ConnectionReport => ({
    ok,
    step,
    message: scrub(message),
    url: 'request' in built ? redactUrl(built.request.url) : '',
    method: 'request' in built ? built.request.method : 'GET',
    status: null,
    durationMs: Math.round(performance.now() - started),
    models: [],
    ...extra,
  });
  if ('problem' in built) return report('config', false, built.problem);
  const { request } = built;

  let response: Response;
  try {
    response = await doFetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body ? { body: request.body } : {}),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    const refused = refusedRedirectIn(error);
    if (refused) return report('http', false, refused.message, { status: refused.status });
    const { step, message } = describeNetworkError(error, new URL(request.url));
    return report(step, false, message);
  }
  const text = await response.text().catch(() => '');
  const verdict = judgeAnswer(target, request, response.status, text);
  return report(verdict.step, verdict.ok, verdict.message, {
    status: response.status,
    models: verdict.models.slice(0, MAX_LISTED_MODELS),
  });
}

interface Verdict {
  step: ConnectionStep;
  ok: boolean;
  message: string;
  models: string[];
}

/** What the server's answer says about the profile, in the step a person would fix. */
function judgeAnswer(
  target: ResolvedTarget,
  request: ProbeRequest,
  status: number,
  text: string,
): Verdict {
  const detail = errorDetail(text);
  const suffix = detail ? ` The server said: "${detail}"` : '';
  const failed = (step: ConnectionStep, message: string): Verdict => ({
    step,
    ok: false,
    message,
    models: [],
  });
  // Google refuses a wrong key with a 400 whose body says so (errors.ts reads it as auth).
  if (status === 401 || (status === 400 && classifyFailure(factsFromBody(status, text)) === 'auth'))
    return failed(
      'auth',
      `The server refused the key (HTTP ${status}). Check the API key for this profile.${suffix}`,
    );
  if (status === 403)
    return failed('auth', `The key was accepted but lacks permission (HTTP 403).${suffix}`);
  if (status === 404) {
    const what = providerFor(target.profile.type).connectionTest.notFound(target.profile);
    return failed('model', `${what}${suffix}`);
  }
  if (status < 200 || status >= 300)
    return failed('http', `The server answered HTTP ${status}.${suffix}`);

  const models = request.method === 'GET' ? modelIds(text) : [];
  const model = target.profile.defaultModel;
  if (request.method === 'GET' && model && models.length > 0 && !models.includes(model)) {
    return {
      step: 'model',
      ok: false,
      message: `Connected, but the model "${model}" is not among the ${models.length} this server offers.`,
      models,
    };
  }
  const available = models.length ? `, ${models.length} model(s) available` : '';
  return { step: 'done', ok: true, message: `Connected: HTTP ${status}${available}.`, models };
}

/** The provider module's request, after the one check every type shares: a key where one is due. */
function buildRequest(target: ResolvedTarget): { request: ProbeRequest } | { problem: string } {
  const { profile, apiKey } = target;
  const provider = providerFor(profile.type);
  if (profile.authMethod === 'apiKey' && !apiKey && !profile.authHeader && !provider.keyOptional) {
    return { problem: 'No API key is set for this profile. Enter one in "API key".' };
  }
  return provider.connectionTest.request(target);
}

/** Node's fetch wraps the socket error in `cause`: its code says which step failed. */
export function describeNetworkError(
  error: unknown,
  url: URL,
): { step: ConnectionStep; message: string } {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return {
      step: 'timeout',
      message: `${url.host} did not answer in time. Is the server up and the URL right?`,
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
      message: `The name "${url.hostname}" could not be found (DNS). Check the spelling of the URL and your network.`,
    };
  }
  if (code === 'ECONNREFUSED') {
    return {
      step: 'connect',
      message: `Nothing is listening at ${url.host} (connection refused). Is the server running on that port?`,
    };
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|EPROTO/i.test(code)) {
    return {
      step: 'tls',
      message: `The secure connection to ${url.host} failed (TLS: ${code}). A proxy or a self-signed certificate may be in the way; or try http:// for a local server.`,
    };
  }
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return {
      step: 'timeout',
      message: `Connecting to ${url.host} timed out. Check the URL, a firewall or a proxy.`,
    };
  }
  return {
    step: 'connect',
    message: `The connection to ${url.host} failed (${code || cause?.message || 'network error'}).`,
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
