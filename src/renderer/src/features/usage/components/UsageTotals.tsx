import type { UsageFigures } from '../../../../../shared/usage';
import { formatCost, formatTokens } from '../lib/usageFormat';

/** The range's four headline figures; estimates and unpriced calls are said, not hidden. */
export function UsageTotals({ totals }: { totals: UsageFigures }) {
  const cards = [
    { label: 'Calls', value: totals.calls.toLocaleString('en-US'), note: '' },
    {
      label: 'Input tokens',
      value: formatTokens(totals.inputTokens),
      note: `${formatTokens(totals.cachedInputTokens)} cached${estimated(totals.estimatedInputTokens)}`,
    },
    {
      label: 'Output tokens',
      value: formatTokens(totals.outputTokens),
      note: `${formatTokens(totals.reasoningTokens)} reasoning${estimated(totals.estimatedOutputTokens)}`,
    },
    {
      label: 'Cost',
      value: formatCost(totals),
      note: totals.unpricedCalls > 0 ? `+ ${totals.unpricedCalls} calls without a price` : 'USD',
    },
  ];
  return (
    <div>
      <dl className="grid grid-cols-4 gap-3" aria-label="Totals">
        {cards.map((card) => (
          <div
            key={card.label}
            className="rounded-lg border border-zinc-200 px-3 py-2 dark:border-zinc-800"
          >
            <dt className="text-xs text-zinc-500">{card.label}</dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid={`total-${card.label}`}>
              {card.value}
            </dd>
            <dd className="text-xs text-zinc-500">{card.note}</dd>
          </div>
        ))}
      </dl>
      {totals.estimatedCalls > 0 && (
        <p className="mt-2 text-xs text-amber-700 dark:text-amber-400">
          {totals.estimatedCalls} of {totals.calls} calls have estimated tokens (the provider
          reported none); they are marked “est.” below.
        </p>
      )}
    </div>
  );
}

function estimated(tokens: number): string {
  return tokens > 0 ? ` · ${formatTokens(tokens)} estimated` : '';
}
