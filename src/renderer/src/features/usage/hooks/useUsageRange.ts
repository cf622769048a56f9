import { useState } from 'react';
import type { UsageRange } from '../../../../../shared/usage';
import { isoDay, rangeNow, type RangePreset } from '../lib/usageFormat';
import { useUsageStore } from '../store/usageStore';

export interface CustomDays {
  from: string;
  to: string;
}

/**
 * The range the usage screen shows: a preset or chosen days, the range they mean (null when the
 * days are the wrong way round) and the moment it was taken, which headroom resets count from.
 */
export function useUsageRange() {
  const [preset, setPreset] = useState<RangePreset>('30d');
  const [custom, setCustom] = useState<CustomDays>(() => ({
    from: isoDay(Date.now() - 6 * 86_400_000),
    to: isoDay(Date.now()),
  }));
  const [now, setNow] = useState(0);
  const [range, setRange] = useState<UsageRange | null>(null);
  const { load, exportCsv: exportRange } = useUsageStore();

  // Loads are started by what the person does (open, pick a range), not by an effect.
  const show = async (nextPreset: RangePreset, nextCustom: CustomDays) => {
    const { range: r, now: t } = rangeNow(nextPreset, nextCustom);
    setPreset(nextPreset);
    setCustom(nextCustom);
    setNow(t);
    setRange(r);
    if (r) await load(r);
  };

  const exportCsv = async () => {
    if (range) await exportRange(range);
  };

  return { preset, custom, now, range, show, exportCsv };
}
