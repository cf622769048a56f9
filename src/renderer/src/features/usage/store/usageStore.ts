import { create } from 'zustand';
import type { RateLimitView, UsageRange, UsageReport } from '../../../../../shared/usage';
import { api } from '../../../lib/api';
import { offerDownload } from '../../../lib/download';
import { ipcErrorText } from '../../../lib/i18n';

interface UsageState {
  report: UsageReport | null;
  limits: RateLimitView[];
  error: string | null;
  /** The ledger's figures for a range, and every profile's last headroom. */
  load(range: UsageRange): Promise<void>;
  /** The range's ledger rows as a CSV file offered for download. */
  exportCsv(range: UsageRange): Promise<void>;
}

/** The usage screen's data: what the ledger says for the chosen range. */
export const useUsageStore = create<UsageState>((set) => ({
  report: null,
  limits: [],
  error: null,

  async load(range) {
    const [figures, headroom] = await Promise.all([
      api.getUsageReport(range),
      api.getRateLimits({}),
    ]);
    if (!figures.ok) return set({ error: ipcErrorText(figures.error) });
    set({
      error: null,
      report: figures.value,
      ...(headroom.ok ? { limits: headroom.value } : {}),
    });
  },

  async exportCsv(range) {
    const file = await api.exportUsageCsv(range);
    if (file.ok) offerDownload(file.value);
    else set({ error: ipcErrorText(file.error) });
  },
}));
