import { priceProviderLabels, priceProviders } from '../../../../../shared/priceTable';
import { priceFields, type PriceDraft } from '../lib/priceDraft';
import { priceCellInput } from './PriceRow';
import { useTranslation } from '../../../lib/i18n';

interface AddPriceFormProps {
  added: PriceDraft;
  onChange: (added: PriceDraft) => void;
  onAdd: () => void;
}

/** A price for a model the table lacks: its id, how its provider bills, and its prices. */
export function AddPriceForm({ added, onChange, onAdd }: AddPriceFormProps) {
  const { t } = useTranslation('settings');
  return (
    <form
      className="mt-3 flex flex-wrap items-center gap-2 text-sm"
      aria-label={t('prices.addLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        onAdd();
      }}
    >
      <input
        aria-label={t('prices.modelId')}
        placeholder={t('prices.modelIdPlaceholder')}
        value={added.model}
        onChange={(e) => onChange({ ...added, model: e.target.value })}
        className="w-44 rounded border border-zinc-300 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-800"
      />
      <select
        aria-label={t('prices.provider')}
        value={added.provider}
        onChange={(e) =>
          onChange({
            ...added,
            provider: priceProviders.find((p) => p === e.target.value) ?? added.provider,
          })
        }
        className="rounded border border-zinc-300 px-1 py-0.5 text-xs dark:border-zinc-700 dark:bg-zinc-800"
      >
        {priceProviders.map((provider) => (
          <option key={provider} value={provider}>
            {priceProviderLabels[provider]}
          </option>
        ))}
      </select>
      {priceFields.map(({ field }) => (
        <input
          key={field}
          aria-label={t('prices.newLabel', { name: t(`prices.name.${field}`) })}
          placeholder={t(`prices.name.${field}`)}
          inputMode="decimal"
          value={added[field]}
          onChange={(e) => onChange({ ...added, [field]: e.target.value })}
          className={priceCellInput(field)}
        />
      ))}
      <button
        type="submit"
        className="rounded-md border border-zinc-300 px-2.5 py-0.5 text-xs dark:border-zinc-700"
      >
        {t('prices.add')}
      </button>
    </form>
  );
}
