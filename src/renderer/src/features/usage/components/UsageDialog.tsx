import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { useUsageRange } from '../hooks/useUsageRange';
import { CacheSavings } from './CacheSavings';
import { RateLimitPanel } from './RateLimitPanel';
import { UsageCharts, type UsageGroupBy } from './UsageCharts';
import { CustomRangeFields } from './UsageRangeControls';
import { UsageHeader, usageButton } from './UsageHeader';
import { UsageTable } from './UsageTable';
import { UsageTotals } from './UsageTotals';
import { SearchUsage } from './SearchUsage';
import { useUsageStore } from '../store/usageStore';
import { useTranslation } from '../../../lib/i18n';

const heading = 'text-xs font-semibold caps text-zinc-500';

/** The "Usage" button and its screen: totals, charts, a table and headroom, from the ledger. */
export function UsageDialog() {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation('usage');
  const [groupBy, setGroupBy] = useState<UsageGroupBy>('model');
  const { preset, custom, now, range, show, exportCsv } = useUsageRange();
  const { report, limits, error } = useUsageStore();

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void show(preset, custom);
      }}
    >
      <Dialog.Trigger className={usageButton}>{t('open')}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-30 flex h-[min(48rem,94vh)] w-[min(64rem,96vw)] -translate-x-1/2 -translate-y-1/2 flex-col overflow-hidden rounded-xl bg-white shadow-2xl focus:outline-none dark:bg-zinc-900">
          <UsageHeader
            preset={preset}
            onPick={(next) => void show(next, custom)}
            canExport={range !== null}
            onExport={() => void exportCsv()}
          />
          <div className="min-h-0 flex-1 space-y-5 overflow-y-auto px-5 py-4">
            {preset === 'custom' && (
              <CustomRangeFields
                custom={custom}
                valid={range !== null}
                onChange={(days) => void show('custom', days)}
              />
            )}
            {error && (
              <p role="alert" className="text-sm text-red-600">
                {error}
              </p>
            )}
            {report && (
              <>
                <UsageTotals totals={report.totals} />
                <CacheSavings totals={report.totals} />
                <UsageCharts report={report} groupBy={groupBy} onGroupBy={setGroupBy} />
                <section>
                  <h3 className={`mb-1 ${heading}`}>{t('byModel')}</h3>
                  <UsageTable rows={report.byModel} keyLabel={t('model')} />
                </section>
                <SearchUsage report={report} />
              </>
            )}
            <section>
              <h3 className={`mb-2 ${heading}`}>{t('headroom')}</h3>
              <RateLimitPanel limits={limits} now={now} />
            </section>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
