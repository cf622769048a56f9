import type { UsageCall } from '../store/UsageLedger';
import type { SearchSent } from '../search/SearchService';

/**
 * One search through the person's search provider as a usage row: kind `search` (`cli-search`
 * from the command line), the search provider in `provider` (its ids are not provider types, so
 * the report tells searches apart by it, inside the covering index), the answer it was made
 * for, no tokens, and its fee (null when the provider's price is not known or it failed).
 */
export function searchUsageCall(
  sent: SearchSent,
  answer: { conversationId: string | null; messageId: string | null },
  kind: 'search' | 'cli-search' = 'search',
): UsageCall {
  return {
    kind,
    profileId: null,
    provider: sent.provider,
    model: null,
    conversationId: answer.conversationId,
    messageId: answer.messageId,
    usage: null,
    ttftMs: null,
    durationMs: sent.durationMs,
    outcome: sent.ok ? 'ok' : 'error',
    fee: sent.fee,
  };
}
