import * as Dialog from '@radix-ui/react-dialog';
import type { RangePreset } from '../lib/usageFormat';
import { RangePresets } from './UsageRangeControls';
import { useTranslation } from '../../../lib/i18n';

export const usageButton =
  'whitespace-nowrap rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:border-zinc-700 dark:hover:bg-zinc-800';

interface UsageHeaderProps {
  preset: RangePreset;
  onPick: (preset: RangePreset) => void;
  /** Off while the chosen days are the wrong way round: there is no range to export. */
  canExport: boolean;
  onExport: () => void;
}

/** The usage screen's title, its range choice, Export CSV of that range, and Close. */
export function UsageHeader({ preset, onPick, canExport, onExport }: UsageHeaderProps) {
  const { t } = useTranslation('usage');
  return (
    <div className="flex items-center justify-between gap-4 border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
      <div>
        <Dialog.Title className="text-base font-semibold">{t('title')}</Dialog.Title>
        <Dialog.Description className="text-xs text-zinc-500">
          {t('description')}
        </Dialog.Description>
      </div>
      <div className="flex shrink-0 items-center gap-2">
        <RangePresets preset={preset} onPick={onPick} />
        <button type="button" className={usageButton} onClick={onExport} disabled={!canExport}>
          {t('exportCsv')}
        </button>
        <Dialog.Close
          aria-label={t('closeLabel')}
          className="rounded px-2 py-1 text-lg leading-none text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          ×
        </Dialog.Close>
      </div>
    </div>
  );
}
