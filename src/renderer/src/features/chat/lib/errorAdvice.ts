import type { ProviderError } from '../../../../../shared/stream';
import { saidText, type TFunction } from '../../../lib/i18n';

/** What the person can do about each kind of failure, in one sentence: chat catalogue keys. */
const advice: Record<ProviderError['kind'], string> = {
  auth: 'advice.auth',
  permission: 'advice.permission',
  not_found: 'advice.not_found',
  bad_request: 'advice.bad_request',
  context_length: 'advice.context_length',
  content_filter: 'advice.content_filter',
  rate_limit: 'advice.rate_limit',
  quota: 'advice.quota',
  overloaded: 'advice.overloaded',
  server: 'advice.server',
  timeout: 'advice.timeout',
  network: 'advice.network',
  interrupted: 'advice.interrupted',
  malformed_response: 'advice.malformed_response',
  cancelled: 'advice.cancelled',
};

/**
 * The provider's own message, made safe to show: if an HTML page or a stack trace slipped
 * through, say what it was instead of showing it.
 */
export function plainErrorMessage(t: TFunction, error: ProviderError): string {
  // Switchboard's own words in the person's language; the provider's stay as they came.
  const text = saidText(error.said, error.message).trim();
  const status = error.status ? ` (HTTP ${error.status})` : '';
  if (/<\s*(!doctype|html|body|head)\b/i.test(text)) return t('errors.webPage', { status });
  const firstLine = text.split('\n').find((line) => !/^\s+at\s/.test(line)) ?? '';
  const clean = firstLine.replace(/<[^>]*>/g, '').trim();
  const short = clean.length > 300 ? `${clean.slice(0, 300)}…` : clean;
  return short || t('errors.failed', { status });
}

/** Null when the message already says what to do (the engine's own timeouts name their setting). */
export function errorAdvice(t: TFunction, error: ProviderError): string | null {
  if (error.kind === 'timeout' && error.message.includes('Settings › Profiles')) return null;
  if (error.said?.code.startsWith('engine.timeout.')) return null;
  if (error.kind === 'rate_limit' && error.retryAfterMs) {
    return t('errors.retryIn', { seconds: Math.ceil(error.retryAfterMs / 1000) });
  }
  return t(advice[error.kind]);
}
