import type { UsageFigures } from '../../../../../shared/usage';
import { formatUsd, useTranslation, type TFunction } from '../../../lib/i18n';
import { formatTokens } from '../lib/usageFormat';

/**
 * Prompt caching over the range: tokens read from and written to the providers' caches, and
 * what that saved against sending the same prompts uncached (reads × (input − read price) −
 * writes × (write − input price), priced per call when it was recorded). Hidden when no call
 * touched a cache, so the screen says nothing about a feature that was not used.
 */
export function CacheSavings({ totals }: { totals: UsageFigures }) {
  const { t } = useTranslation('usage');
  if (totals.cachedInputTokens === 0 && totals.cacheWriteTokens === 0) return null;
  return (
    <p
      className="text-xs text-zinc-600 dark:text-zinc-400"
      aria-label={t('caching.label')}
      data-testid="cache-savings"
    >
      {t('caching.line', {
        read: formatTokens(totals.cachedInputTokens),
        written: formatTokens(totals.cacheWriteTokens),
        outcome: savedText(t, totals.cacheSavings),
      })}
    </p>
  );
}

function savedText(t: TFunction, savings: number | null): string {
  if (savings === null) return t('caching.noPrice');
  const digits = savings !== 0 && Math.abs(savings) < 0.01 ? 4 : 2;
  const amount = formatUsd(Math.abs(savings), digits);
  return savings >= 0 ? t('caching.saved', { amount }) : t('caching.costMore', { amount });
}
