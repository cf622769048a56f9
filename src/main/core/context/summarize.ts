import { AnswerFold } from '../../../shared/answerFold';
import { HandlerError } from '../../../shared/result';
import type { ChatRequest, ProviderProfile } from '../providers/types';
import type { ContextServiceDeps } from './ContextService';
import type { ContextWindow } from './contextWindows';
import { spoken } from '../../../shared/said';

/** A summary that has not come in this long is given up; nothing is written then. */
const SUMMARY_TIMEOUT_MS = 120_000;

const SUMMARY_INSTRUCTION =
  'You write a faithful, compact summary of a conversation so that it can go on without its ' +
  'full text. Keep facts, decisions, names, numbers, code identifiers and open questions. Write ' +
  'in the language of the conversation. Reply with the summary only.';

/**
 * Asks the conversation's model for a summary of the request it would send, through the same
 * engine as any answer, and counts the call (kind `summary`). Throws, writing nothing, when no
 * summary came; the person can try again or send only the recent messages.
 */
export async function summarize(
  deps: Pick<ContextServiceDeps, 'engine' | 'profiles' | 'usage'>,
  input: {
    conversationId: string;
    profile: ProviderProfile;
    request: ChatRequest;
    window: ContextWindow | null;
    count: (text: string) => number;
  },
): Promise<string> {
  const { profile, request } = input;
  const summaryRequest: ChatRequest = {
    model: request.model,
    system: SUMMARY_INSTRUCTION,
    messages: [{ role: 'user', content: transcript(request, input.window, input.count) }],
  };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), SUMMARY_TIMEOUT_MS);
  const fold = new AnswerFold();
  try {
    const target = await deps.profiles.target(profile.id);
    for await (const event of deps.engine(target, summaryRequest, { signal: controller.signal }))
      fold.push(event);
  } catch (error) {
    fold.push({
      type: 'error',
      error: {
        kind: 'network',
        status: null,
        message: error instanceof Error ? error.message : 'The request failed.',
      },
    });
  } finally {
    clearTimeout(timer);
  }
  deps.usage.recordCall({
    kind: 'summary',
    profileId: profile.id,
    provider: profile.type,
    model: fold.model ?? request.model,
    conversationId: input.conversationId,
    messageId: null,
    usage: fold.usage,
    ttftMs: fold.timing?.ttftMs ?? null,
    durationMs: fold.timing?.totalMs ?? null,
    outcome: fold.finishReason ?? 'error',
  });
  const text = fold.textOf('text').trim();
  if (fold.error || !text)
    throw new HandlerError(
      'unavailable',
      fold.error
        ? spoken('context.noSummaryBecause', { reason: fold.error.said ?? fold.error.message })
        : spoken('context.noSummary'),
    );
  return text;
}

/**
 * The thread as one text to summarize. When it is larger than three quarters of the window
 * (it usually is: that is why it is summarized), each message keeps its start and end in
 * proportion, marked where text was left out, so every message is still represented.
 */
function transcript(
  request: ChatRequest,
  window: ContextWindow | null,
  count: (text: string) => number,
): string {
  const blocks = [
    ...(request.system ? [`Earlier context:\n${request.system}`] : []),
    ...request.messages.map((m) => `${m.role === 'user' ? 'User' : 'Assistant'}:\n${m.content}`),
  ];
  const whole = blocks.join('\n\n');
  if (!window) return whole;
  const budget = Math.floor(window.tokens * 0.75);
  const tokens = count(whole);
  if (tokens <= budget) return whole;
  const share = budget / tokens;
  return blocks.map((block) => clip(block, Math.floor(block.length * share))).join('\n\n');
}

function clip(text: string, keep: number): string {
  if (text.length <= keep) return text;
  const half = Math.max(20, Math.floor(keep / 2));
  return `${text.slice(0, half)}\n[…]\n${text.slice(-half)}`;
}
