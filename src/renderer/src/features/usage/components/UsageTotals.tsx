import type { UsageFigures } from '../../../../../shared/usage';
import { formatCost, formatTokens } from '../lib/usageFormat';
import { formatNumber, useTranslation } from '../../../lib/i18n';

/** The range's four headline figures; estimates and unpriced calls are said, not hidden. */
export function UsageTotals({ totals }: { totals: UsageFigures }) {
  const { t } = useTranslation('usage');
  const estimated = (tokens: number) =>
    tokens > 0 ? t('estimated', { tokens: formatTokens(tokens) }) : '';
  // The test id stays English (e2e tests find the cards by it), the label follows the language.
  const cards = [
    {
      id: 'Calls',
      label: t('calls'),
      value: formatNumber(totals.calls),
      note: totals.searches > 0 ? t('searchesNote', { count: totals.searches }) : '',
    },
    {
      id: 'Input tokens',
      label: t('inputTokens'),
      value: formatTokens(totals.inputTokens),
      note: `${t('cached', { tokens: formatTokens(totals.cachedInputTokens) })}${estimated(totals.estimatedInputTokens)}`,
    },
    {
      id: 'Output tokens',
      label: t('outputTokens'),
      value: formatTokens(totals.outputTokens),
      note: `${t('reasoning', { tokens: formatTokens(totals.reasoningTokens) })}${estimated(totals.estimatedOutputTokens)}`,
    },
    {
      id: 'Cost',
      label: t('cost'),
      // Searches without a known fee are not in the sum either: the "+" says so too.
      value: formatCost({
        ...totals,
        unpricedCalls: totals.unpricedCalls + totals.unpricedSearches,
      }),
      note:
        totals.unpricedCalls > 0
          ? t('unpriced', { count: totals.unpricedCalls })
          : totals.unpricedSearches > 0
            ? t('unpricedSearches', { count: totals.unpricedSearches })
            : 'USD',
    },
  ];
  return (
    <div>
      <dl className="grid grid-cols-4 gap-3" aria-label={t('totals')}>
        {cards.map((card) => (
          <div
            key={card.id}
            className="rounded-lg border border-zinc-200 px-3 py-2 dark:border-zinc-800"
          >
            <dt className="text-xs text-zinc-500">{card.label}</dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid={`total-${card.id}`}>
              {card.value}
            </dd>
            <dd className="text-xs text-zinc-500">{card.note}</dd>
          </div>
        ))}
      </dl>
      {totals.estimatedCalls > 0 && (
        <p className="mt-2 text-xs text-amber-700 dark:text-amber-400">
          {t('estimatedCalls', { estimated: totals.estimatedCalls, calls: totals.calls })}
        </p>
      )}
    </div>
  );
}
