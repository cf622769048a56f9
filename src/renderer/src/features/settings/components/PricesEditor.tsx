import { cacheWriteFactors } from '../../../../../shared/pricing';
import { usePriceEditing } from '../hooks/usePriceEditing';
import { draftOf, priceFields } from '../lib/priceDraft';
import { AddPriceForm } from './AddPriceForm';
import { PriceRow } from './PriceRow';
import { formatNumber, useTranslation } from '../../../lib/i18n';

/**
 * Settings › Prices: the shipped, dated price table, each price editable. An edit applies to calls
 * from now on (a recorded cost is history); a model with no price costs "—", never $0.
 */
export function PricesEditor() {
  const { list, error, drafts, added, setAdded, edit, save, addPrice, removeOverride } =
    usePriceEditing();
  const { t } = useTranslation('settings');
  if (!list) return <p className="text-sm text-zinc-500">{error ?? t('prices.loading')}</p>;
  return (
    <div className="pb-4">
      <p className="mb-1 text-xs text-zinc-500">{t('prices.intro', { date: list.asOf })}</p>
      <p className="mb-3 text-xs text-zinc-500">
        {t('prices.blanks', { factor: formatNumber(cacheWriteFactors.anthropic) })}
      </p>
      {error && (
        <p role="alert" className="mb-2 text-xs text-red-600">
          {error}
        </p>
      )}
      <table className="w-full text-sm" aria-label={t('nav.prices')}>
        <thead className="text-xs text-zinc-500">
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th className="py-1 text-left font-medium">{t('profile.model')}</th>
            {priceFields.map(({ field }) => (
              <th key={field} className="py-1 text-right font-medium">
                {t(`prices.heading.${field}`)}
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {list.prices.map((price) => (
            <PriceRow
              key={price.model}
              price={price}
              draft={drafts[price.model] ?? draftOf(price)}
              edited={drafts[price.model] !== undefined}
              onEdit={(field, value) => edit(price, field, value)}
              onSave={() => void save(drafts[price.model] ?? draftOf(price))}
              onReset={() => void removeOverride(price.model)}
            />
          ))}
        </tbody>
      </table>
      <AddPriceForm added={added} onChange={setAdded} onAdd={() => void addPrice()} />
    </div>
  );
}
