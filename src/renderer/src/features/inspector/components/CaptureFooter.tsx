import type { CaptureSettings } from '../../../../../shared/exchanges';
import { useTranslation } from '../../../lib/i18n';

const numberClass =
  'w-14 rounded border border-zinc-300 bg-transparent px-1 py-0.5 text-right dark:border-zinc-700';

/** Capture on or off and how much is kept; main prunes at once when a limit shrinks. */
export function CaptureFooter({
  capture,
  onChange,
}: {
  capture: CaptureSettings;
  onChange: (change: Partial<CaptureSettings>) => void;
}) {
  const { t } = useTranslation('inspector');
  // Committed on blur so typing "30" does not prune to 3 days on the way.
  const commit = (key: 'keepDays' | 'maxMegabytes', value: string, max: number) => {
    const n = Math.round(Number(value));
    if (Number.isFinite(n) && n >= 1 && n <= max && n !== capture[key]) onChange({ [key]: n });
  };
  return (
    <footer className="flex flex-wrap items-center gap-x-4 gap-y-1 border-t border-zinc-200 px-5 py-2 text-xs text-zinc-500 dark:border-zinc-800">
      <label className="flex items-center gap-1.5">
        <input
          type="checkbox"
          checked={capture.enabled}
          onChange={(e) => onChange({ enabled: e.target.checked })}
        />
        {t('capture.enabled')}
      </label>
      <label className="flex items-center gap-1">
        {t('capture.keep')}
        <input
          key={`d${capture.keepDays}`}
          type="number"
          min={1}
          max={3650}
          defaultValue={capture.keepDays}
          aria-label={t('capture.daysLabel')}
          onBlur={(e) => commit('keepDays', e.target.value, 3650)}
          className={numberClass}
        />
        {t('capture.days')}
      </label>
      <label className="flex items-center gap-1">
        {t('capture.atMost')}
        <input
          key={`m${capture.maxMegabytes}`}
          type="number"
          min={1}
          max={10000}
          defaultValue={capture.maxMegabytes}
          aria-label={t('capture.megabytesLabel')}
          onBlur={(e) => commit('maxMegabytes', e.target.value, 10000)}
          className={numberClass}
        />
        {t('capture.mb')}
      </label>
      <span>{t('capture.noKeys')}</span>
    </footer>
  );
}
