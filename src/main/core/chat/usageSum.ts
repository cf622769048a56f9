import type { Usage } from '../../../shared/stream';

function sumOptional(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);
}

/** Two calls' usage as one (an answer made of several tool steps); estimated if either is. */
export function addUsage(total: Usage | null, next: Usage | null): Usage | null {
  if (!total) return next;
  if (!next) return total;
  const sum: Usage = {
    inputTokens: total.inputTokens + next.inputTokens,
    outputTokens: total.outputTokens + next.outputTokens,
    totalTokens: total.totalTokens + next.totalTokens,
    source: total.source === 'estimated' || next.source === 'estimated' ? 'estimated' : 'provider',
  };
  const cached = sumOptional(total.cachedInputTokens, next.cachedInputTokens);
  const written = sumOptional(total.cacheWriteTokens, next.cacheWriteTokens);
  const reasoning = sumOptional(total.reasoningTokens, next.reasoningTokens);
  if (cached !== undefined) sum.cachedInputTokens = cached;
  if (written !== undefined) sum.cacheWriteTokens = written;
  if (reasoning !== undefined) sum.reasoningTokens = reasoning;
  const searches = sumOptional(total.webSearchCalls, next.webSearchCalls);
  if (searches !== undefined) sum.webSearchCalls = searches;
  return sum;
}
