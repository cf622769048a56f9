import type { UsageReport } from '../../../../../shared/usage';
import { searchProviderLabels, searchProviders } from '../../../../../shared/searchChannels';
import { formatCost } from '../lib/usageFormat';
import { formatNumber, useTranslation } from '../../../lib/i18n';

const heading = 'text-xs font-semibold caps text-zinc-500';

/** A row's key as its provider's name (the ledger keeps the id). */
function providerLabel(key: string): string {
  const provider = searchProviders.find((p) => p === key);
  return provider ? searchProviderLabels[provider] : key;
}

/**
 * The searches the built-in web_search tool made through the person's search provider, per
 * provider, with their fees where the provider's price is known ("—" where not: counted only).
 * Hidden when there were none, like prompt caching.
 */
export function SearchUsage({ report }: { report: UsageReport }) {
  const { t } = useTranslation('usage');
  if (report.totals.searches === 0) return null;
  const cell = 'px-2 py-1.5 text-right tabular-nums';
  return (
    <section aria-label={t('searches.heading')}>
      <h3 className={`mb-1 ${heading}`}>{t('searches.heading')}</h3>
      <table className="w-full text-sm" aria-label={t('searches.table')}>
        <thead className="text-xs text-zinc-500">
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th className="px-2 py-1.5 text-left font-medium">{t('searches.provider')}</th>
            <th className={`${cell} font-medium`}>{t('searches.count')}</th>
            <th className={`${cell} font-medium`}>{t('searches.fee')}</th>
          </tr>
        </thead>
        <tbody>
          {report.bySearchProvider.map((row) => (
            <tr key={row.key} className="border-b border-zinc-100 dark:border-zinc-800/60">
              <td className="px-2 py-1.5">{providerLabel(row.key)}</td>
              <td className={cell}>{formatNumber(row.searches)}</td>
              <td className={cell}>
                {formatCost({ cost: row.searchCost, unpricedCalls: row.unpricedSearches })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-1 text-xs text-zinc-500">{t('searches.note')}</p>
    </section>
  );
}
