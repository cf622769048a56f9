import type { StoredMessage } from '../../../shared/conversations';
import { SUMMARY_PREAMBLE } from '../../../shared/context';
import { messageText } from '../../../shared/messageParts';

/**
 * A stored message of role 'system' on a thread is a context summary (nothing else writes that
 * role): what comes before it reaches the model only through its text, what follows as turns.
 */
export function splitAtSummary(history: readonly StoredMessage[]): {
  summary: string | null;
  rest: StoredMessage[];
} {
  const at = history.findLastIndex((m) => m.role === 'system');
  if (at < 0) return { summary: null, rest: [...history] };
  return { summary: messageText(history[at]!.parts), rest: history.slice(at + 1) };
}

/** The system text a request carries: the conversation's prompt, then the summary, if any. */
export function systemWithSummary(systemPrompt: string | null, summary: string | null) {
  const parts = [systemPrompt, summary ? `${SUMMARY_PREAMBLE}\n${summary}` : null];
  const joined = parts.filter((p): p is string => !!p).join('\n\n');
  return joined || null;
}
