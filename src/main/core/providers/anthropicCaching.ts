import type { TextBlockParam } from '@anthropic-ai/sdk/resources/messages';
import type { AnthropicRequestBody } from './anthropicMessages';

/**
 * Prompt caching breakpoints (SDK `CacheControlEphemeral`, default TTL 5 minutes): one on the
 * system prompt and one on the newest user turn's last content block, so each call reads the
 * conversation so far from the cache and writes the turn it adds. Two of the four breakpoints a
 * request may carry. A prefix shorter than the model's minimum cacheable length is simply not
 * cached (no error), so the breakpoints are always safe to send.
 */
const EPHEMERAL = { type: 'ephemeral' } as const;

export function applyPromptCaching(body: AnthropicRequestBody): void {
  if (typeof body.system === 'string' && body.system)
    body.system = [{ type: 'text', text: body.system, cache_control: EPHEMERAL }];
  const last = body.messages.findLast((m) => m.role === 'user');
  if (!last) return;
  if (typeof last.content === 'string') {
    // An empty text block is refused by the API: an empty turn carries no breakpoint.
    if (!last.content) return;
    last.content = [{ type: 'text', text: last.content, cache_control: EPHEMERAL }];
    return;
  }
  const block = last.content[last.content.length - 1] as TextBlockParam | undefined;
  if (block && block.type === 'text') block.cache_control = EPHEMERAL;
}
