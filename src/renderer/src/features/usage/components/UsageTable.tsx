import type { UsageRow } from '../../../../../shared/usage';
import { formatCost, formatTokens } from '../lib/usageFormat';
import { formatNumber, useTranslation } from '../../../lib/i18n';

/** Calls, tokens and cost per model (or provider); a row with estimated tokens says so. */
export function UsageTable({ rows, keyLabel }: { rows: UsageRow[]; keyLabel: string }) {
  const { t } = useTranslation('usage');
  if (rows.length === 0)
    return <p className="py-6 text-center text-sm text-zinc-500">{t('noCalls')}</p>;
  const cell = 'px-2 py-1.5 text-right tabular-nums';
  return (
    <table className="w-full text-sm" aria-label={t('table')}>
      <thead className="text-xs text-zinc-500">
        <tr className="border-b border-zinc-200 dark:border-zinc-800">
          <th className="px-2 py-1.5 text-left font-medium">{keyLabel}</th>
          <th className={`${cell} font-medium`}>{t('col.calls')}</th>
          <th className={`${cell} font-medium`}>{t('col.input')}</th>
          <th className={`${cell} font-medium`}>{t('col.cached')}</th>
          <th className={`${cell} font-medium`}>{t('col.output')}</th>
          <th className={`${cell} font-medium`}>{t('col.reasoning')}</th>
          <th className={`${cell} font-medium`}>{t('col.cost')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b border-zinc-100 dark:border-zinc-800/60">
            <td className="px-2 py-1.5 font-mono text-xs">
              {row.key}
              {row.estimatedCalls > 0 && (
                <span
                  title={t('estTitle', { count: row.estimatedCalls })}
                  className="ml-1.5 rounded bg-amber-100 px-1 font-sans text-[10px] font-semibold text-amber-800 dark:bg-amber-900 dark:text-amber-100"
                >
                  {t('est')}
                </span>
              )}
            </td>
            <td className={cell}>{formatNumber(row.calls)}</td>
            <td className={cell}>{formatTokens(row.inputTokens)}</td>
            <td className={cell}>{formatTokens(row.cachedInputTokens)}</td>
            <td className={cell}>{formatTokens(row.outputTokens)}</td>
            <td className={cell}>{formatTokens(row.reasoningTokens)}</td>
            <td className={cell}>{formatCost(row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
