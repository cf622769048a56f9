/**
 * "Copy as cURL": a captured request as a shell command that can be run again. The key is never
 * in it: the redacted credential header becomes a reference to the environment variable that
 * holds the key for that provider, so the person's shell fills it in.
 */
import type { ExchangeRequestView } from './exchanges';
import { providerTypes, type ProviderType } from './profiles';
import { providerKinds } from './providerKinds';

const isProviderType = (value: string): value is ProviderType =>
  (providerTypes as readonly string[]).includes(value);

/** Which environment variable the CLI and the app read each provider's key from. */
export function keyVariableFor(provider: string): string {
  // An exchange of a type this version does not know is read as the common OpenAI dialect.
  return (isProviderType(provider) ? providerKinds[provider] : providerKinds.openai).keyVariable;
}

/** Single-quotes a value for POSIX shells ('it'\''s'). */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Double-quoted, so $VAR expands; the value is only a header name and a variable reference. */
function expanding(value: string): string {
  return `"${value.replace(/(["\\`])/g, '\\$1')}"`;
}

/** Headers curl or fetch set on their own; copying them would only get in the way. */
const dropped = new Set(['content-length', 'accept-encoding', 'connection', 'host', 'user-agent']);

export function curlCommand(request: ExchangeRequestView, provider: string): string {
  const variable = keyVariableFor(provider);
  const lines = [`curl ${shellQuote(request.url)}`];
  if (request.method !== 'GET' && request.method !== 'POST')
    lines.push(`-X ${shellQuote(request.method)}`);
  if (request.method === 'GET' && request.body !== null) lines.push('-X GET');
  for (const [name, value] of Object.entries(request.headers)) {
    if (dropped.has(name.toLowerCase()) || name.toLowerCase().startsWith('x-stainless')) continue;
    if (value.includes('[redacted]')) {
      const scheme = /^(\w+) \[redacted\]$/.exec(value)?.[1];
      const secret = scheme ? `${scheme} $${variable}` : `$${variable}`;
      lines.push(`-H ${expanding(`${name}: ${secret}`)}`);
    } else {
      lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
    }
  }
  // A body whose attachments the inspector abbreviated cannot be pasted back: it is read from a
  // file the person writes (the full body), and the command says so.
  const abbreviated = request.body?.includes('<attachment ') ?? false;
  if (request.body !== null)
    lines.push(
      abbreviated ? '--data-binary @request-body.json' : `--data-raw ${shellQuote(request.body)}`,
    );
  // A streamed answer should print as it arrives, as in the app (Gemini asks for SSE in the URL).
  if (request.body?.includes('"stream":true') || /[?&]alt=sse\b/.test(request.url))
    lines.push('--no-buffer');
  const command = lines.join(' \\\n  ');
  if (!abbreviated) return command;
  return `# The inspector abbreviated this body's attachments: save the full body as request-body.json\n${command}`;
}
