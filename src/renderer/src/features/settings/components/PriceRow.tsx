import { cacheWriteFactors } from '../../../../../shared/pricing';
import type { TFunction } from '../../../lib/i18n';
import type { PriceEntry } from '../../../../../shared/usage';
import { priceFields, type PriceDraft, type PriceField } from '../lib/priceDraft';
import { formatNumber, useTranslation } from '../../../lib/i18n';

const cellInput =
  'rounded border border-zinc-300 px-1.5 py-0.5 text-right tabular-nums dark:border-zinc-700 dark:bg-zinc-800';

/** A price input; the cache columns are wider, so a blank one's meaning ("1.25× input", "= Eingabe") shows whole. */
export const priceCellInput = (field: PriceField) =>
  `${field === 'write' || field === 'cached' ? 'w-24' : 'w-20'} ${cellInput}`;

/** What a blank input means, in words: the cached input at the input price, a write at its factor. */
function blankMeaning(t: TFunction, field: PriceField, provider: PriceEntry['provider']): string {
  if (field === 'input' || field === 'output') return '';
  const factor = field === 'write' ? cacheWriteFactors[provider] : 1;
  return factor === 1
    ? t('prices.sameAsInput')
    : t('prices.timesInput', { factor: formatNumber(factor) });
}

interface PriceRowProps {
  price: PriceEntry;
  draft: PriceDraft;
  /** Typed but not saved: Save shows instead of Reset. */
  edited: boolean;
  onEdit: (field: PriceField, value: string) => void;
  onSave: () => void;
  onReset: () => void;
}

/** One model's prices, each an input; Save keeps an edit, Reset drops an override. */
export function PriceRow({ price, draft, edited, onEdit, onSave, onReset }: PriceRowProps) {
  const { t } = useTranslation('settings');
  return (
    <tr className="border-b border-zinc-100 dark:border-zinc-800/60">
      <td className="py-1 font-mono text-xs">
        {price.model}
        {price.origin === 'override' && (
          <span className="ml-1.5 rounded bg-blue-100 px-1 font-sans text-[10px] font-semibold text-blue-800 dark:bg-blue-900 dark:text-blue-100">
            {t('prices.edited')}
          </span>
        )}
      </td>
      {priceFields.map(({ field }) => (
        <td key={field} className="py-1 text-right">
          <input
            aria-label={t('prices.cellLabel', {
              model: price.model,
              name: t(`prices.name.${field}`),
            })}
            inputMode="decimal"
            value={draft[field]}
            placeholder={blankMeaning(t, field, draft.provider)}
            onChange={(e) => onEdit(field, e.target.value)}
            className={priceCellInput(field)}
          />
        </td>
      ))}
      <td className="w-28 py-1 text-right">
        {edited && (
          <button
            type="button"
            onClick={onSave}
            className="px-1.5 text-xs font-medium text-blue-600"
          >
            {t('profile.save')}
          </button>
        )}
        {price.origin === 'override' && !edited && (
          <button
            type="button"
            onClick={onReset}
            className="px-1.5 text-xs text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200"
          >
            {t('prices.reset')}
          </button>
        )}
      </td>
    </tr>
  );
}
