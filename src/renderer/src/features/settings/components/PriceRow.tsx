import type { PriceEntry } from '../../../../../shared/usage';
import { priceFields, type PriceDraft, type PriceField } from '../lib/priceDraft';

const cellInput =
  'rounded border border-zinc-300 px-1.5 py-0.5 text-right tabular-nums dark:border-zinc-700 dark:bg-zinc-800';

/** A price input; the write column's is wider, so its blank meaning ("1.25× input") shows whole. */
export const priceCellInput = (field: PriceField) =>
  `${field === 'write' ? 'w-24' : 'w-20'} ${cellInput}`;

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
  return (
    <tr className="border-b border-zinc-100 dark:border-zinc-800/60">
      <td className="py-1 font-mono text-xs">
        {price.model}
        {price.origin === 'override' && (
          <span className="ml-1.5 rounded bg-blue-100 px-1 font-sans text-[10px] font-semibold text-blue-800 dark:bg-blue-900 dark:text-blue-100">
            edited
          </span>
        )}
      </td>
      {priceFields.map(({ field, name, blank }) => (
        <td key={field} className="py-1 text-right">
          <input
            aria-label={`${price.model} ${name} price`}
            inputMode="decimal"
            value={draft[field]}
            placeholder={blank ? blank(draft.provider) : ''}
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
            Save
          </button>
        )}
        {price.origin === 'override' && !edited && (
          <button
            type="button"
            onClick={onReset}
            className="px-1.5 text-xs text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200"
          >
            Reset
          </button>
        )}
      </td>
    </tr>
  );
}
