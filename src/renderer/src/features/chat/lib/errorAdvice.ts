import type { ProviderError } from '../../../../../shared/stream';

/** What the person can do about each kind of failure, in one sentence. */
const advice: Record<ProviderError['kind'], string> = {
  auth: 'Check the API key for this provider in Settings.',
  permission: 'This key is not allowed to use this model or project: check its permissions.',
  not_found: 'Check the model name and the base URL (for Azure: the deployment name).',
  bad_request: 'The provider refused the request: check the model and parameters.',
  context_length:
    'The conversation is too long for this model: start a new one or pick a model with a larger context.',
  content_filter: 'The provider’s content filter blocked this: rephrase the message.',
  rate_limit: 'Too many requests: wait a moment and try again.',
  quota: 'The account is out of credit or over its limit: check billing with the provider.',
  overloaded: 'The provider is overloaded: try again in a moment.',
  server: 'The provider had an internal error: try again.',
  timeout: 'The provider took too long to answer: try again.',
  network: 'Could not reach the provider: check the connection and the base URL.',
  interrupted: 'The connection dropped mid-answer: Continue picks up where it stopped.',
  malformed_response:
    'The provider sent something that is not a valid answer: check the base URL points at an API.',
  cancelled: 'Stopped.',
};

/**
 * The provider's own message, made safe to show: if an HTML page or a stack trace slipped
 * through, say what it was instead of showing it.
 */
export function plainErrorMessage(error: ProviderError): string {
  const text = error.message.trim();
  const status = error.status ? ` (HTTP ${error.status})` : '';
  if (/<\s*(!doctype|html|body|head)\b/i.test(text))
    return `The server answered with a web page instead of an API response${status}.`;
  const firstLine = text.split('\n').find((line) => !/^\s+at\s/.test(line)) ?? '';
  const clean = firstLine.replace(/<[^>]*>/g, '').trim();
  const short = clean.length > 300 ? `${clean.slice(0, 300)}…` : clean;
  return short || `The request failed${status}.`;
}

/** Null when the message already says what to do (the engine's own timeouts name their setting). */
export function errorAdvice(error: ProviderError): string | null {
  if (error.kind === 'timeout' && error.message.includes('Settings › Profiles')) return null;
  const base = advice[error.kind];
  if (error.kind === 'rate_limit' && error.retryAfterMs) {
    return `Too many requests: try again in ${Math.ceil(error.retryAfterMs / 1000)} s.`;
  }
  return base;
}
