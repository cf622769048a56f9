import type { ProbeCall } from '../providers/ProviderModule';
import { usageFromOpenAI, type OpenAIWireUsage } from '../providers/normalize';
import { usageFromResponses } from '../providers/responsesEvents';
import type { ProbeBilled } from '../../../shared/profiles';

type ResponsesWireUsage = Parameters<typeof usageFromResponses>[0];

/** The provider's own model id, or what the request asked for (an Azure deployment has none). */
function modelOf(body: { model?: unknown }, call: ProbeCall, fallback: string): string | null {
  if (typeof body.model === 'string' && body.model) return body.model;
  try {
    const sent = JSON.parse(call.request.body ?? '{}') as { model?: unknown };
    if (typeof sent.model === 'string' && sent.model) return sent.model;
  } catch {
    // The probe's own body is JSON; a fallback only keeps this total.
  }
  return fallback || null;
}

/**
 * What a connection test's chat call was billed, read from its answer with the normalizers the
 * chats use: Responses `usage.input_tokens` and details, Chat Completions `usage.prompt_tokens`
 * and details (docs/ENGINE.md). A models list (no `api`) is not billed and has no usage; nor
 * has an answer that is not 2xx JSON with a usage object. Only counts and a model id: no text.
 */
export function probeBilled(
  call: ProbeCall,
  status: number,
  text: string,
  fallbackModel: string,
): ProbeBilled | null {
  if (!call.api || call.request.method !== 'POST' || status < 200 || status >= 300) return null;
  let body: { usage?: unknown; model?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return null;
  }
  if (!body || typeof body !== 'object' || !body.usage || typeof body.usage !== 'object')
    return null;
  const usage =
    call.api === 'responses'
      ? usageFromResponses(body.usage as ResponsesWireUsage)
      : usageFromOpenAI(body.usage as OpenAIWireUsage);
  const model = modelOf(body, call, fallbackModel);
  return model ? { model, usage } : null;
}
