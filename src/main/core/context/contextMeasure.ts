import type { ContextPolicy, ContextReport } from '../../../shared/context';
import type { ChatTurn } from '../providers/types';
import type { ContextWindow } from './contextWindows';

/** Chat framing per message (role markers, separators) and the tokens priming the reply. */
const PER_MESSAGE = 3;
const PRIMING = 3;

export interface MeasureInput {
  system: string | null;
  /** The turns the thread would send, oldest first (after a summary, if one). */
  turns: readonly ChatTurn[];
  draft: string;
  /** Tokens each turn's attachments add (by turn index), and the draft's. */
  attachedTokens?: readonly number[];
  draftAttachedTokens?: number;
  maxTokens: number | undefined;
  /** Room held for the knowledge passages (an upper bound; 0 without collections). */
  passageTokens?: number;
  policy: ContextPolicy | null;
  window: ContextWindow | null;
  count: (text: string) => number;
  exact: boolean;
}

/**
 * How much of the window the next request uses, and, under `recent`, how many of the newest
 * messages fit. Nothing is dropped here: this is what the meter shows and what `fitTurns` does.
 */
export function measureContext(input: MeasureInput): ContextReport {
  const { count } = input;
  const fixed =
    PRIMING +
    (input.system ? PER_MESSAGE + count(input.system) : 0) +
    (input.draft || input.draftAttachedTokens
      ? PER_MESSAGE + count(input.draft) + (input.draftAttachedTokens ?? 0)
      : 0);
  const sizes = input.turns.map(
    (turn, index) => PER_MESSAGE + count(turn.content) + (input.attachedTokens?.[index] ?? 0),
  );
  const usedTokens = sizes.reduce((sum, size) => sum + size, fixed);
  const reservedTokens = input.maxTokens ?? 0;
  const passageTokens = input.passageTokens ?? 0;
  const windowTokens = input.window?.tokens ?? null;
  const fits = windowTokens === null || usedTokens + reservedTokens + passageTokens <= windowTokens;
  let sentMessages = sizes.length;
  let sentTokens = usedTokens;
  if (!fits && input.policy === 'recent' && windowTokens !== null) {
    const kept = newestThatFit(sizes, windowTokens - reservedTokens - passageTokens - fixed);
    sentMessages = kept.count;
    sentTokens = fixed + kept.tokens;
  }
  return {
    usedTokens,
    windowTokens,
    windowSource: input.window?.source ?? null,
    exact: input.exact,
    reservedTokens,
    passageTokens,
    fits,
    policy: input.policy,
    sentMessages,
    totalMessages: sizes.length,
    sentTokens,
  };
}

/** From the newest back, as many whole messages as fit in `budget`. */
function newestThatFit(
  sizes: readonly number[],
  budget: number,
): { count: number; tokens: number } {
  let tokens = 0;
  let count = 0;
  for (let i = sizes.length - 1; i >= 0; i--) {
    if (tokens + sizes[i]! > budget) break;
    tokens += sizes[i]!;
    count++;
  }
  return { count, tokens };
}

/**
 * The `recent` policy at send: the newest turns that fit beside the system prompt and the
 * reserved output, starting with a question (a thread never opens on an answer). The last turn
 * (the question being answered) always goes, so a question too large alone is the provider's
 * to refuse, in its own words.
 */
export function fitTurns(
  turns: readonly ChatTurn[],
  budget: number,
  count: (text: string) => number,
  attachedTokens: readonly number[] = [],
): ChatTurn[] {
  const sizes = turns.map(
    (turn, index) => PER_MESSAGE + count(turn.content) + (attachedTokens[index] ?? 0),
  );
  const kept = Math.max(1, newestThatFit(sizes, budget - PRIMING).count);
  let start = turns.length - kept;
  while (start < turns.length - 1 && turns[start]!.role !== 'user') start++;
  return turns.slice(start);
}

export const contextFraming = { PER_MESSAGE, PRIMING };
