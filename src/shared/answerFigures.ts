import type { StreamTiming, Usage } from './stream';

/** The figures of an answer written in more than one call (a continued one). */
export interface AnswerFigures {
  usage: Usage | null;
  timing: StreamTiming | null;
}

/**
 * The whole answer's figures from its earlier part and a continuation: tokens and time add up
 * (every call's prompt was paid for), the first token is the earlier part's, and an estimate
 * anywhere makes the sum an estimate.
 */
export function combineFigures(earlier: AnswerFigures, next: AnswerFigures): AnswerFigures {
  const a = earlier.usage;
  const b = next.usage;
  const add = (x?: number, y?: number) =>
    x === undefined && y === undefined ? undefined : (x ?? 0) + (y ?? 0);
  let usage: Usage | null = a ?? b;
  if (a && b) {
    usage = {
      inputTokens: a.inputTokens + b.inputTokens,
      outputTokens: a.outputTokens + b.outputTokens,
      totalTokens: a.totalTokens + b.totalTokens,
      source: a.source === 'estimated' || b.source === 'estimated' ? 'estimated' : 'provider',
    };
    const cached = add(a.cachedInputTokens, b.cachedInputTokens);
    const writes = add(a.cacheWriteTokens, b.cacheWriteTokens);
    const reasoning = add(a.reasoningTokens, b.reasoningTokens);
    if (cached !== undefined) usage.cachedInputTokens = cached;
    if (writes !== undefined) usage.cacheWriteTokens = writes;
    if (reasoning !== undefined) usage.reasoningTokens = reasoning;
    const searches = add(a.webSearchCalls, b.webSearchCalls);
    if (searches !== undefined) usage.webSearchCalls = searches;
  }
  const s = earlier.timing;
  const t = next.timing;
  const timing =
    s && t ? { ttftMs: s.ttftMs ?? t.ttftMs, totalMs: s.totalMs + t.totalMs } : (s ?? t);
  return { usage, timing };
}
