import type { RangePreset } from '../lib/usageFormat';
import type { CustomDays } from '../hooks/useUsageRange';
import { useTranslation } from '../../../lib/i18n';

const presets: RangePreset[] = ['today', '7d', '30d', 'custom'];
const dayInput =
  'rounded border border-zinc-300 px-1.5 py-0.5 dark:border-zinc-700 dark:bg-zinc-800';

/** Today, 7 days, 30 days or chosen days: one radio group, each choice loads its range. */
export function RangePresets({
  preset,
  onPick,
}: {
  preset: RangePreset;
  onPick: (preset: RangePreset) => void;
}) {
  const { t } = useTranslation('usage');
  return (
    <div
      role="radiogroup"
      aria-label={t('range')}
      className="flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700"
    >
      {presets.map((p) => (
        <button
          key={p}
          type="button"
          role="radio"
          aria-checked={preset === p}
          onClick={() => onPick(p)}
          className="whitespace-nowrap rounded px-2.5 py-0.5 text-sm aria-checked:bg-blue-600 aria-checked:text-white"
        >
          {t(`preset.${p}`)}
        </button>
      ))}
    </div>
  );
}

/** The chosen days of the Range preset; a start after the end is said, not loaded. */
export function CustomRangeFields({
  custom,
  valid,
  onChange,
}: {
  custom: CustomDays;
  valid: boolean;
  onChange: (custom: CustomDays) => void;
}) {
  const { t } = useTranslation('usage');
  return (
    <div className="flex items-center gap-2 text-sm">
      <label className="flex items-center gap-1">
        {t('from')}
        <input
          type="date"
          value={custom.from}
          onChange={(e) => onChange({ ...custom, from: e.target.value })}
          className={dayInput}
        />
      </label>
      <label className="flex items-center gap-1">
        {t('to')}
        <input
          type="date"
          value={custom.to}
          onChange={(e) => onChange({ ...custom, to: e.target.value })}
          className={dayInput}
        />
      </label>
      {!valid && <span className="text-xs text-red-600">{t('badRange')}</span>}
    </div>
  );
}
