import type { UsageFigures } from '../../../../../shared/usage';
import { formatTokens } from '../lib/usageFormat';

/**
 * Prompt caching over the range: tokens read from and written to the providers' caches, and
 * what that saved against sending the same prompts uncached (reads × (input − read price) −
 * writes × (write − input price), priced per call when it was recorded). Hidden when no call
 * touched a cache, so the screen says nothing about a feature that was not used.
 */
export function CacheSavings({ totals }: { totals: UsageFigures }) {
  if (totals.cachedInputTokens === 0 && totals.cacheWriteTokens === 0) return null;
  return (
    <p
      className="text-xs text-zinc-600 dark:text-zinc-400"
      aria-label="Prompt caching"
      data-testid="cache-savings"
    >
      Prompt caching: {formatTokens(totals.cachedInputTokens)} tokens read from a cache,{' '}
      {formatTokens(totals.cacheWriteTokens)} written to one; {savedText(totals.cacheSavings)}.
    </p>
  );
}

function savedText(savings: number | null): string {
  if (savings === null) return 'no price known, so no saving computed';
  const digits = savings !== 0 && Math.abs(savings) < 0.01 ? 4 : 2;
  const amount = `$${Math.abs(savings).toFixed(digits)}`;
  return savings >= 0
    ? `saved ${amount}`
    : `cost ${amount} more than no caching (writes not yet read)`;
}
